import CPUExecution
import Workload
import Foundation

/// Batch normalisation in training mode (batch statistics, biased variance, eps 1e-5),
/// over `x (B, C, L)` where `L` is `H*W` for images and 1 for feature vectors.
public enum BatchNormKernel {
    /// PyTorch's default epsilon.
    public static let epsilon: Float = 1e-5

    /// `y = gamma * (x - mean_c) / sqrt(var_c + eps) + beta`; saves `mean (G, C)` and `invStd (G, C)`.
    ///
    /// `x` holds `groups` contiguous groups of `batch` samples, each normalised with its
    /// own statistics. The loop runs over channels (each handling every group), so the
    /// split across threads depends on the whole batch alone (`ThreadSplit`). The
    /// normalised input `xhat = (x - mean) * invStd` is not stored: `backward` recomputes it
    /// from `x` with the same two operations (so the same floats), which saves writing and
    /// keeping a tensor the size of `x` per layer.
    public static func forward(
        x: UnsafePointer<Float>, gamma: UnsafePointer<Float>?, beta: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, mean savedMean: UnsafeMutablePointer<Float>,
        invStd: UnsafeMutablePointer<Float>, batch: Int, channels: Int, spatial: Int, groups: Int = 1
    ) {
        let n = Double(batch * spatial), stride = batch * channels * spatial
        Parallel.forEach(channels, costPerItem: groups * batch * spatial * ThreadSplit.batchNormCost) { range in
            for c in range {
                for group in 0..<groups {
                    let x = x + group * stride, y = y + group * stride
                    var sum = 0.0
                    for b in 0..<batch {
                        sum += Double(BatchNormRows.sum(x + (b * channels + c) * spatial, count: spatial))
                    }
                    let mean = Float(sum / n)
                    var sq = 0.0
                    for b in 0..<batch {
                        sq += Double(BatchNormRows.squaredDeviations(x + (b * channels + c) * spatial, count: spatial, from: mean))
                    }
                    let istd = Float(1 / (sq / n + Double(epsilon)).squareRoot())
                    invStd[group * channels + c] = istd
                    savedMean[group * channels + c] = mean
                    let g = gamma?[c] ?? 1, bt = beta?[c] ?? 0
                    for b in 0..<batch {
                        let off = (b * channels + c) * spatial
                        BatchNormRows.normalize(x + off, into: y + off, count: spatial, mean: mean, invStd: istd, scale: g, shift: bt)
                    }
                }
            }
        }
    }

    /// `dgamma += sum(dy * xhat)`, `dbeta += sum(dy)`, and
    /// `dx = invStd/N * (N*dxhat - sum(dxhat) - xhat * sum(dxhat * xhat))`, per group of
    /// `batch` samples as in `forward` (the parameter gradients sum over the groups).
    ///
    /// `x` is the forward's input and `mean`, `invStd (G, C)` its saved statistics:
    /// `xhat = (x - mean) * invStd` is recomputed as the forward computed it.
    public static func backward(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, mean: UnsafePointer<Float>, invStd: UnsafePointer<Float>,
        gamma: UnsafePointer<Float>?, dgamma: UnsafeMutablePointer<Float>?, dbeta: UnsafeMutablePointer<Float>?,
        dx: UnsafeMutablePointer<Float>?, batch: Int, channels: Int, spatial: Int, groups: Int = 1
    ) {
        let n = Float(batch * spatial), stride = batch * channels * spatial
        Parallel.forEach(channels, costPerItem: groups * batch * spatial * ThreadSplit.batchNormCost) { range in
            for c in range {
                for group in 0..<groups {
                    let dy = dy + group * stride, x = x + group * stride, dx = dx.map { $0 + group * stride }
                    let mu = mean[group * channels + c], istd = invStd[group * channels + c]
                    var sdy = 0.0, sdyx = 0.0
                    for b in 0..<batch {
                        let off = (b * channels + c) * spatial
                        let (s1, s2) = BatchNormRows.gradientSums(dy: dy + off, x: x + off, count: spatial, mean: mu, invStd: istd)
                        sdy += Double(s1)
                        sdyx += Double(s2)
                    }
                    dgamma?[c] += Float(sdyx)
                    dbeta?[c] += Float(sdy)
                    guard let dx else { continue }
                    let g = gamma?[c] ?? 1
                    let k = g * istd / n
                    let mdy = Float(sdy), mdyx = Float(sdyx)
                    for b in 0..<batch {
                        let off = (b * channels + c) * spatial
                        BatchNormRows.inputGradient(dy: dy + off, x: x + off, into: dx + off, count: spatial, mean: mu,
                                              invStd: istd, k: k, n: n, sumDy: mdy, sumDyXhat: mdyx)
                    }
                }
            }
        }
    }

    /// The textbook formula in double precision that `forward` is tested against.
    public static func naiveForward(
        x: [Float], gamma: [Float], beta: [Float], batch: Int, channels: Int, spatial: Int
    ) -> [Float] {
        var y = [Float](repeating: 0, count: x.count)
        for c in 0..<channels {
            var vals: [Double] = []
            for b in 0..<batch { for i in 0..<spatial { vals.append(Double(x[(b * channels + c) * spatial + i])) } }
            let mean = vals.reduce(0, +) / Double(vals.count)
            let v = vals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(vals.count)
            for b in 0..<batch {
                for i in 0..<spatial {
                    let j = (b * channels + c) * spatial + i
                    y[j] = Float(Double(gamma[c]) * (Double(x[j]) - mean) / (v + Double(epsilon)).squareRoot() + Double(beta[c]))
                }
            }
        }
        return y
    }
}
