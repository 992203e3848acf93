/// 2-D convolution forward and backward via batched im2col and one sgemm.
///
/// Weights are PyTorch's `(OC, C, k, k)`; activations are `(B, C, H, W)`.
public enum Conv2DKernel {
    /// `y (B, OC, OH, OW) = conv(x (B, C, H, W), w (OC, C, k, k)) + bias (OC)`.
    ///
    /// `col` receives the column matrix `(C*k*k, B*OH*OW)` that backward needs;
    /// `work` must hold `OC * B*OH*OW` floats.
    public static func forward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, outChannels oc: Int, geometry g: ConvGeometry,
        col: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>
    ) {
        let L = g.outHeight * g.outWidth
        Im2Col.im2col(x, col, g)
        // work (OC, B*L) = w (OC, C*k*k) * col (C*k*k, B*L)
        Gemm.sgemm(transA: false, transB: false, m: oc, n: g.colColumns, k: g.colRows, w, col, work)
        // y (B, OC, L) <- work (OC, B, L)
        Im2Col.swapLeading(work, y, a: oc, b: g.batch, l: L)
        if let bias { addBias(y, bias, batch: g.batch, channels: oc, spatial: L) }
    }

    /// Gradients of `forward`: `dw += ..`, `db += ..`, and `dx = ..` when `dx` is given.
    ///
    /// `col` is the column matrix saved by forward; `work` holds `OC * B*L` floats and
    /// `dcol` (needed only for `dx`) `C*k*k * B*L`.
    public static func backward(
        dy: UnsafePointer<Float>, w: UnsafePointer<Float>, col: UnsafePointer<Float>,
        dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>?,
        dx: UnsafeMutablePointer<Float>?, outChannels oc: Int, geometry g: ConvGeometry,
        work: UnsafeMutablePointer<Float>, dcol: UnsafeMutablePointer<Float>?
    ) {
        let L = g.outHeight * g.outWidth
        // work (OC, B, L) <- dy (B, OC, L)
        Im2Col.swapLeading(dy, work, a: g.batch, b: oc, l: L)
        // dw (OC, C*k*k) += work (OC, B*L) * col^T (B*L, C*k*k)
        Gemm.sgemm(transA: false, transB: true, m: oc, n: g.colRows, k: g.colColumns, work, col, beta: 1, dw)
        if let db { sumRows(work, into: db, rows: oc, length: g.colColumns) }
        if let dx, let dcol {
            // dcol (C*k*k, B*L) = w^T (C*k*k, OC) * work (OC, B*L)
            Gemm.sgemm(transA: true, transB: false, m: g.colRows, n: g.colColumns, k: oc, w, work, dcol)
            dx.update(repeating: 0, count: g.batch * g.channels * g.height * g.width)
            Im2Col.col2im(dcol, dx, g)
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

    /// `out[r] += sum_i m[r, i]` for a `(rows, length)` matrix.
    static func sumRows(_ m: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, length: Int) {
        for r in 0..<rows {
            var s: Float = 0
            let row = m + r * length
            for i in 0..<length { s += row[i] }
            out[r] += s
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
