/// Minibatch standard deviation (ProGAN / StyleGAN2 `MinibatchStdLayer`).
///
/// `x (N, C, H, W)` is split into groups of `G = min(groupSize, N)` samples, sample
/// `n = g*M + m` (`M = N/G`) being member `g` of group `m`; channels split into `F`
/// blocks of `c = C/F`. Per group and block, the standard deviation over the group's
/// members (`sqrt(var + 1e-8)`) is averaged over `(c, H, W)`, and the `F` statistics are
/// appended as constant channels: `y (N, C+F, H, W)`.
public enum MinibatchStdDevKernel {
    /// The epsilon under the square root, as in StyleGAN2.
    public static let epsilon: Float = 1e-8

    /// Forward; `sd (M, F, c*H*W)` receives the per-element deviations needed by backward.
    public static func forward(
        x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, sd: UnsafeMutablePointer<Float>,
        batch n: Int, channels C: Int, spatial L: Int, groupSize: Int, statChannels F: Int
    ) {
        let G = min(groupSize, n), M = n / G, c = C / F, block = c * L
        for s in 0..<n {
            (y + s * (C + F) * L).update(from: x + s * C * L, count: C * L)
        }
        for m in 0..<M {
            for f in 0..<F {
                var total = 0.0
                for e in 0..<block {
                    var mean: Float = 0
                    for g in 0..<G { mean += x[(g * M + m) * C * L + f * block + e] }
                    mean /= Float(G)
                    var v: Float = 0
                    for g in 0..<G {
                        let d = x[(g * M + m) * C * L + f * block + e] - mean
                        v += d * d
                    }
                    let sdev = (v / Float(G) + epsilon).squareRoot()
                    sd[(m * F + f) * block + e] = sdev
                    total += Double(sdev)
                }
                let stat = Float(total / Double(block))
                for g in 0..<G {
                    let dst = y + ((g * M + m) * (C + F) + C + f) * L
                    for i in 0..<L { dst[i] = stat }
                }
            }
        }
    }

    /// Backward: the first `C` channels pass through; each statistic's gradient is spread
    /// as `ds / (c*H*W) * (x - mean) / (G * sd)`.
    public static func backward(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, sd: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
        batch n: Int, channels C: Int, spatial L: Int, groupSize: Int, statChannels F: Int
    ) {
        let G = min(groupSize, n), M = n / G, c = C / F, block = c * L
        for s in 0..<n {
            (dx + s * C * L).update(from: dy + s * (C + F) * L, count: C * L)
        }
        for m in 0..<M {
            for f in 0..<F {
                var ds: Float = 0
                for g in 0..<G {
                    let src = dy + ((g * M + m) * (C + F) + C + f) * L
                    for i in 0..<L { ds += src[i] }
                }
                let k = ds / Float(block) / Float(G)
                for e in 0..<block {
                    var mean: Float = 0
                    for g in 0..<G { mean += x[(g * M + m) * C * L + f * block + e] }
                    mean /= Float(G)
                    let scale = k / sd[(m * F + f) * block + e]
                    for g in 0..<G {
                        let j = (g * M + m) * C * L + f * block + e
                        dx[j] += scale * (x[j] - mean)
                    }
                }
            }
        }
    }
}
