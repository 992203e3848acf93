/// Pixel norm (normalise each position over channels) and global sum pooling.
public enum NormPoolKernel {
    /// Epsilon of pixel norm (ProGAN / StyleGAN2).
    public static let epsilon: Float = 1e-8

    /// `y = x / sqrt(mean_c(x^2) + eps)` over `x (B, C, L)`; `r (B, L)` keeps the scale.
    public static func pixelNormForward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, r: UnsafeMutablePointer<Float>, batch: Int, channels: Int, spatial: Int) {
        for b in 0..<batch {
            for i in 0..<spatial {
                var s: Float = 0
                for c in 0..<channels { let v = x[(b * channels + c) * spatial + i]; s += v * v }
                let scale = 1 / (s / Float(channels) + epsilon).squareRoot()
                r[b * spatial + i] = scale
                for c in 0..<channels { y[(b * channels + c) * spatial + i] = x[(b * channels + c) * spatial + i] * scale }
            }
        }
    }

    /// `dx = r dy - x r^3 mean_c(dy x)`.
    public static func pixelNormBackward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, r: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, batch: Int, channels: Int, spatial: Int) {
        for b in 0..<batch {
            for i in 0..<spatial {
                var s: Float = 0
                for c in 0..<channels { let j = (b * channels + c) * spatial + i; s += dy[j] * x[j] }
                let sc = r[b * spatial + i]
                let k = sc * sc * sc * s / Float(channels)
                for c in 0..<channels { let j = (b * channels + c) * spatial + i; dx[j] = sc * dy[j] - x[j] * k }
            }
        }
    }

    /// `y (B, C) = sum over L of x (B, C, L)`.
    public static func globalSumForward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, planes: Int, spatial: Int) {
        for p in 0..<planes {
            var s: Float = 0
            for i in 0..<spatial { s += x[p * spatial + i] }
            y[p] = s
        }
    }

    /// `dx (B, C, L) = dy (B, C)` broadcast over L.
    public static func globalSumBackward(dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, planes: Int, spatial: Int) {
        for p in 0..<planes { (dx + p * spatial).update(repeating: dy[p], count: spatial) }
    }
}
