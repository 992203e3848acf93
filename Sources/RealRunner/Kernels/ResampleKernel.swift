/// Nearest-neighbour upsampling and average pooling over `(B, C, H, W)` images.
public enum ResampleKernel {
    /// `y (B, C, H*f, W*f)[.., i, j] = x[.., i/f, j/f]`; `planes` is `B*C`.
    public static func upsampleForward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, planes: Int, height: Int, width: Int, factor f: Int) {
        let OW = width * f
        Parallel.forEach(planes, costPerItem: height * width * f * f) { r in
            for pl in r {
                let src = x + pl * height * width
                let dst = y + pl * height * width * f * f
                for i in 0..<(height * f) {
                    let srow = src + (i / f) * width
                    let drow = dst + i * OW
                    for j in 0..<OW { drow[j] = srow[j / f] }
                }
            }
        }
    }

    /// `dx[.., i, j] = sum of dy over the f x f block it was copied to`.
    public static func upsampleBackward(dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, planes: Int, height: Int, width: Int, factor f: Int) {
        let OW = width * f
        Parallel.forEach(planes, costPerItem: height * width * f * f) { r in
            for pl in r {
                let src = dy + pl * height * width * f * f
                let dst = dx + pl * height * width
                dst.update(repeating: 0, count: height * width)
                for i in 0..<(height * f) {
                    let srow = src + i * OW
                    let drow = dst + (i / f) * width
                    for j in 0..<OW { drow[j / f] += srow[j] }
                }
            }
        }
    }

    /// `y (B, C, H/k, W/k)` = mean of each `k x k` block of `x (B, C, H, W)`.
    public static func avgPoolForward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, planes: Int, height: Int, width: Int, kernel k: Int) {
        let OH = height / k, OW = width / k
        let scale = 1 / Float(k * k)
        Parallel.forEach(planes, costPerItem: height * width) { r in
            for pl in r {
                let src = x + pl * height * width
                let dst = y + pl * OH * OW
                for oh in 0..<OH {
                    for ow in 0..<OW {
                        var s: Float = 0
                        for a in 0..<k { for b in 0..<k { s += src[(oh * k + a) * width + ow * k + b] } }
                        dst[oh * OW + ow] = s * scale
                    }
                }
            }
        }
    }

    /// `dx = dy / k^2` spread over each block.
    public static func avgPoolBackward(dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, planes: Int, height: Int, width: Int, kernel k: Int) {
        let OH = height / k, OW = width / k
        let scale = 1 / Float(k * k)
        Parallel.forEach(planes, costPerItem: height * width) { r in
            for pl in r {
                let src = dy + pl * OH * OW
                let dst = dx + pl * height * width
                for i in 0..<height {
                    for j in 0..<width { dst[i * width + j] = src[(i / k) * OW + j / k] * scale }
                }
            }
        }
    }
}
