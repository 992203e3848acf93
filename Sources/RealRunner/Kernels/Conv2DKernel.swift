/// 2-D convolution forward and backward via im2col and sgemm, a chunk of samples at a
/// time so that the column matrix stays in cache.
///
/// Weights are PyTorch's `(OC, C, k, k)`; activations are `(B, C, H, W)`. Scratch
/// buffers are sized for one chunk (`geometry.chunkSamples()` samples): `col` holds
/// `C*k*k * n*OH*OW` floats and `work` `OC * n*OH*OW`.
public enum Conv2DKernel {
    /// `y (B, OC, OH, OW) = conv(x (B, C, H, W), w (OC, C, k, k)) + bias (OC)`.
    public static func forward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, outChannels oc: Int, geometry g: ConvGeometry,
        col: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>
    ) {
        let L = g.outHeight * g.outWidth, inSample = g.channels * g.height * g.width
        let chunk = g.chunkSamples()
        for b0 in stride(from: 0, to: g.batch, by: chunk) {
            let n = min(chunk, g.batch - b0)
            let gc = g.withBatch(n)
            Im2Col.im2col(x + b0 * inSample, col, gc)
            let yc = y + b0 * oc * L
            if n == 1 {
                // y_b (OC, L) = w (OC, C*k*k) * col (C*k*k, L)
                Gemm.sgemm(transA: false, transB: false, m: oc, n: L, k: g.colRows, w, col, yc)
            } else {
                // work (OC, n*L) = w * col, then y (n, OC, L) <- work (OC, n, L)
                Gemm.sgemm(transA: false, transB: false, m: oc, n: n * L, k: g.colRows, w, col, work)
                Im2Col.swapLeading(work, yc, a: oc, b: n, l: L)
            }
        }
        if let bias { addBias(y, bias, batch: g.batch, channels: oc, spatial: L) }
    }

    /// Gradients of `forward`: `dw += ..`, `db += ..`, and `dx = ..` when `dx` is given.
    ///
    /// `x` is the forward input (its column matrix is rebuilt per chunk); `dcol` (needed
    /// only for `dx`) has the size of `col`.
    public static func backward(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dx: UnsafeMutablePointer<Float>?, outChannels oc: Int, geometry g: ConvGeometry,
        col: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>, dcol: UnsafeMutablePointer<Float>?
    ) {
        let L = g.outHeight * g.outWidth, inSample = g.channels * g.height * g.width
        if let db { sumBias(dy, into: db, batch: g.batch, channels: oc, spatial: L) }
        let chunk = g.chunkSamples()
        for b0 in stride(from: 0, to: g.batch, by: chunk) {
            let n = min(chunk, g.batch - b0)
            let gc = g.withBatch(n)
            let dyc = dy + b0 * oc * L
            // dyt (OC, n, L) <- dy (n, OC, L)
            let dyt = Im2Col.swappedLeading(dyc, into: work, a: n, b: oc, l: L)
            if let dw {
                Im2Col.im2col(x + b0 * inSample, col, gc)
                // dw (OC, C*k*k) += dyt (OC, n*L) * col^T (n*L, C*k*k)
                Gemm.sgemm(transA: false, transB: true, m: oc, n: g.colRows, k: n * L, dyt, col, beta: 1, dw)
            }
            if let dx, let dcol {
                // dcol (C*k*k, n*L) = w^T (C*k*k, OC) * dyt (OC, n*L)
                Gemm.sgemm(transA: true, transB: false, m: g.colRows, n: n * L, k: oc, w, dyt, dcol)
                let dxc = dx + b0 * inSample
                dxc.update(repeating: 0, count: n * inSample)
                Im2Col.col2im(dcol, dxc, gc)
            }
        }
    }

    /// The direct 7-loop convolution that `forward` is tested against.
    public static func naiveForward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, outChannels oc: Int, geometry g: ConvGeometry
    ) {
        let (k, s, p, OH, OW) = (g.kernel, g.stride, g.padding, g.outHeight, g.outWidth)
        for b in 0..<g.batch {
            for o in 0..<oc {
                for oh in 0..<OH {
                    for ow in 0..<OW {
                        var acc = Double(bias?[o] ?? 0)
                        for c in 0..<g.channels {
                            for ki in 0..<k {
                                for kj in 0..<k {
                                    let ih = oh * s - p + ki, iw = ow * s - p + kj
                                    if ih < 0 || ih >= g.height || iw < 0 || iw >= g.width { continue }
                                    acc += Double(x[((b * g.channels + c) * g.height + ih) * g.width + iw])
                                        * Double(w[((o * g.channels + c) * k + ki) * k + kj])
                                }
                            }
                        }
                        y[((b * oc + o) * OH + oh) * OW + ow] = Float(acc)
                    }
                }
            }
        }
    }

    /// Adds `bias[c]` to every element of channel `c` of `y (B, C, L)`.
    static func addBias(_ y: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, batch: Int, channels: Int, spatial: Int) {
        Parallel.forEach(batch * channels, costPerItem: spatial) { range in
            for bc in range {
                let v = bias[bc % channels]
                let row = y + bc * spatial
                for i in 0..<spatial { row[i] += v }
            }
        }
    }

    /// `db[c] += sum over b and spatial of dy (B, C, L)`.
    static func sumBias(_ dy: UnsafePointer<Float>, into db: UnsafeMutablePointer<Float>, batch: Int, channels: Int, spatial: Int) {
        for b in 0..<batch {
            for c in 0..<channels {
                var s: Float = 0
                let row = dy + (b * channels + c) * spatial
                for i in 0..<spatial { s += row[i] }
                db[c] += s
            }
        }
    }
}
