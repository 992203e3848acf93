/// The direct loops the CPU trainer's transposed convolution (`DirectConvolution`) is tested
/// against.
///
/// Weights are PyTorch's `(C_in, C_out, k, k)`. The transposed convolution is the
/// input-gradient of a convolution whose image is this op's output: `geometry` describes
/// that convolution (`channels` = C_out, `height`/`width` = output size), so its
/// `outHeight`/`outWidth` are this op's input size.
public enum ConvTranspose2DKernel {
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
