/// The CPU trainer's 2-D convolution helpers beside oneDNN's kernels (`DirectConvolution`):
/// the bias's forward and backward, and the direct loops the kernels are tested against.
///
/// Weights are PyTorch's `(OC, C, k, k)`; activations are `(B, C, H, W)`.
public enum Conv2DKernel {
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
