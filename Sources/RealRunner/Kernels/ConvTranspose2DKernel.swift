/// 2-D transposed convolution forward and backward via sgemm and col2im, a chunk of
/// samples at a time.
///
/// Weights are PyTorch's `(C_in, C_out, k, k)`. The transposed convolution is the
/// input-gradient of a convolution whose image is this op's output: `geometry` describes
/// that convolution (`channels` = C_out, `height`/`width` = output size), so its
/// `outHeight`/`outWidth` are this op's input size. Scratch buffers are sized for one
/// chunk of `n = geometry.chunkSamples()` samples: `col` holds `Cout*k*k * n*H*W` floats
/// and `xt` `Cin * n*H*W`.
public enum ConvTranspose2DKernel {
    /// `y (B, Cout, OH, OW) = convT(x (B, Cin, H, W), w (Cin, Cout, k, k)) + bias (Cout)`.
    public static func forward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, inChannels cin: Int, geometry g: ConvGeometry,
        xt: UnsafeMutablePointer<Float>, col: UnsafeMutablePointer<Float>
    ) {
        let L = g.outHeight * g.outWidth, outSample = g.channels * g.height * g.width
        let chunk = g.chunkSamples()
        for b0 in stride(from: 0, to: g.batch, by: chunk) {
            let n = min(chunk, g.batch - b0)
            let xtc = Im2Col.swappedLeading(x + b0 * cin * L, into: xt, a: n, b: cin, l: L)
            // col (Cout*k*k, n*H*W) = w^T (Cout*k*k, Cin) * xt (Cin, n*H*W)
            Gemm.sgemm(transA: true, transB: false, m: g.colRows, n: n * L, k: cin, w, xtc, col)
            let yc = y + b0 * outSample
            yc.update(repeating: 0, count: n * outSample)
            Im2Col.col2im(col, yc, g.withBatch(n))
        }
        if let bias {
            Conv2DKernel.addBias(y, bias, batch: g.batch, channels: g.channels, spatial: g.height * g.width)
        }
    }

    /// Gradients of `forward`: `dw += ..`, `db += ..`, and `dx = ..` when `dx` is given.
    ///
    /// `x` is the forward input; `dcol` has the size of `col` and `work` of `xt`.
    public static func backward(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dx: UnsafeMutablePointer<Float>?, inChannels cin: Int, geometry g: ConvGeometry,
        dcol: UnsafeMutablePointer<Float>, xt: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>
    ) {
        let L = g.outHeight * g.outWidth, outSample = g.channels * g.height * g.width
        if let db { Conv2DKernel.sumBias(dy, into: db, batch: g.batch, channels: g.channels, spatial: g.height * g.width) }
        let chunk = g.chunkSamples()
        for b0 in stride(from: 0, to: g.batch, by: chunk) {
            let n = min(chunk, g.batch - b0)
            Im2Col.im2col(dy + b0 * outSample, dcol, g.withBatch(n))
            if let dw {
                let xtc = Im2Col.swappedLeading(x + b0 * cin * L, into: xt, a: n, b: cin, l: L)
                // dw (Cin, Cout*k*k) += xt (Cin, n*H*W) * dcol^T (n*H*W, Cout*k*k)
                Gemm.sgemm(transA: false, transB: true, m: cin, n: g.colRows, k: n * L, xtc, dcol, beta: 1, dw)
            }
            if let dx {
                let dxc = dx + b0 * cin * L
                if n == 1 {
                    Gemm.sgemm(transA: false, transB: false, m: cin, n: L, k: g.colRows, w, dcol, dxc)
                } else {
                    // work (Cin, n*H*W) = w (Cin, Cout*k*k) * dcol (Cout*k*k, n*H*W)
                    Gemm.sgemm(transA: false, transB: false, m: cin, n: n * L, k: g.colRows, w, dcol, work)
                    Im2Col.swapLeading(work, dxc, a: cin, b: n, l: L)
                }
            }
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
