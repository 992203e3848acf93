/// 2-D transposed convolution forward and backward via one sgemm and col2im.
///
/// Weights are PyTorch's `(C_in, C_out, k, k)`. The transposed convolution is the
/// input-gradient of a convolution whose image is this op's output: `geometry` describes
/// that convolution (`channels` = C_out, `height`/`width` = output size), so its
/// `outHeight`/`outWidth` are this op's input size.
public enum ConvTranspose2DKernel {
    /// `y (B, Cout, OH, OW) = convT(x (B, Cin, H, W), w (Cin, Cout, k, k)) + bias (Cout)`.
    ///
    /// `xt` receives `x` as `(Cin, B*H*W)` (saved for backward); `col` holds
    /// `Cout*k*k * B*H*W` floats.
    public static func forward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, inChannels cin: Int, geometry g: ConvGeometry,
        xt: UnsafeMutablePointer<Float>, col: UnsafeMutablePointer<Float>
    ) {
        let L = g.outHeight * g.outWidth  // input spatial size H*W
        Im2Col.swapLeading(x, xt, a: g.batch, b: cin, l: L)
        // col (Cout*k*k, B*H*W) = w^T (Cout*k*k, Cin) * xt (Cin, B*H*W)
        Gemm.sgemm(transA: true, transB: false, m: g.colRows, n: g.colColumns, k: cin, w, xt, col)
        y.update(repeating: 0, count: g.batch * g.channels * g.height * g.width)
        Im2Col.col2im(col, y, g)
        if let bias {
            Conv2DKernel.addBias(y, bias, batch: g.batch, channels: g.channels, spatial: g.height * g.width)
        }
    }

    /// Gradients of `forward`: `dw += ..`, `db += ..`, and `dx = ..` when `dx` is given.
    ///
    /// `xt` is the transposed input saved by forward; `dcol` holds `Cout*k*k * B*H*W`
    /// floats and `work` `Cin * B*H*W`.
    public static func backward(
        dy: UnsafePointer<Float>, w: UnsafePointer<Float>, xt: UnsafePointer<Float>,
        dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>?,
        dx: UnsafeMutablePointer<Float>?, inChannels cin: Int, geometry g: ConvGeometry,
        dcol: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>
    ) {
        let L = g.outHeight * g.outWidth
        Im2Col.im2col(dy, dcol, g)
        // dw (Cin, Cout*k*k) += xt (Cin, B*H*W) * dcol^T (B*H*W, Cout*k*k)
        Gemm.sgemm(transA: false, transB: true, m: cin, n: g.colRows, k: g.colColumns, xt, dcol, beta: 1, dw)
        if let db {
            Conv2DKernel.sumBias(dy, into: db, batch: g.batch, channels: g.channels, spatial: g.height * g.width)
        }
        if let dx {
            // work (Cin, B*H*W) = w (Cin, Cout*k*k) * dcol (Cout*k*k, B*H*W)
            Gemm.sgemm(transA: false, transB: false, m: cin, n: g.colColumns, k: g.colRows, w, dcol, work)
            Im2Col.swapLeading(work, dx, a: cin, b: g.batch, l: L)
        }
    }

    /// The direct scatter loop that `forward` is tested against.
    public static func naiveForward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, inChannels cin: Int, geometry g: ConvGeometry
    ) {
        let (k, s, p) = (g.kernel, g.stride, g.padding)
        let (H, W, OH, OW, cout) = (g.outHeight, g.outWidth, g.height, g.width, g.channels)
        var acc = [Double](repeating: 0, count: g.batch * cout * OH * OW)
        for b in 0..<g.batch {
            for ci in 0..<cin {
                for ih in 0..<H {
                    for iw in 0..<W {
                        let xv = Double(x[((b * cin + ci) * H + ih) * W + iw])
                        for co in 0..<cout {
                            for ki in 0..<k {
                                for kj in 0..<k {
                                    let oh = ih * s - p + ki, ow = iw * s - p + kj
                                    if oh < 0 || oh >= OH || ow < 0 || ow >= OW { continue }
                                    acc[((b * cout + co) * OH + oh) * OW + ow] +=
                                        xv * Double(w[((ci * cout + co) * k + ki) * k + kj])
                                }
                            }
                        }
                    }
                }
            }
        }
        for i in 0..<acc.count {
            let co = (i / (OH * OW)) % cout
            y[i] = Float(acc[i] + Double(bias?[co] ?? 0))
        }
    }
}
