/// Spectral normalisation `W_sn = W / sigma(W)` with one power iteration per training
/// forward, as `torch.nn.utils.spectral_norm` does.
///
/// The weight is seen as a matrix `(rows, cols)` (`rows` = first weight dimension).
/// `u (rows)` and `v (cols)` persist between calls; the backward pass treats them as
/// constants, like PyTorch (they are computed under `no_grad`).
public enum SpectralNormKernel {
    /// PyTorch's epsilon for the vector normalisations.
    public static let epsilon: Float = 1e-12

    /// Computes `wsn = w / sigma` and returns `sigma = u^T W v`; when `iterate` is set,
    /// first runs one power iteration `v = normalize(W^T u)`, `u = normalize(W v)`.
    @discardableResult
    public static func forward(
        w: UnsafePointer<Float>, wsn: UnsafeMutablePointer<Float>, u: UnsafeMutablePointer<Float>,
        v: UnsafeMutablePointer<Float>, rows: Int, cols: Int, iterate: Bool
    ) -> Float {
        if iterate {
            // v (cols) = W^T u
            for j in 0..<cols { v[j] = 0 }
            for i in 0..<rows {
                let ui = u[i]
                let row = w + i * cols
                for j in 0..<cols { v[j] += row[j] * ui }
            }
            normalize(v, cols)
            // u (rows) = W v
            for i in 0..<rows {
                let row = w + i * cols
                var s: Float = 0
                for j in 0..<cols { s += row[j] * v[j] }
                u[i] = s
            }
            normalize(u, rows)
        }
        var sigma: Float = 0
        for i in 0..<rows {
            let row = w + i * cols
            var s: Float = 0
            for j in 0..<cols { s += row[j] * v[j] }
            sigma += u[i] * s
        }
        let inv = 1 / sigma
        for i in 0..<(rows * cols) { wsn[i] = w[i] * inv }
        return sigma
    }

    /// `dw += (g - sum(g * wsn) u v^T) / sigma` where `g` is the gradient wrt `wsn`.
    public static func backward(
        g: UnsafePointer<Float>, wsn: UnsafePointer<Float>, u: UnsafePointer<Float>, v: UnsafePointer<Float>,
        sigma: Float, dw: UnsafeMutablePointer<Float>, rows: Int, cols: Int
    ) {
        var dot: Float = 0
        for i in 0..<(rows * cols) { dot += g[i] * wsn[i] }
        let inv = 1 / sigma
        for i in 0..<rows {
            let a = dot * u[i]
            for j in 0..<cols { dw[i * cols + j] += (g[i * cols + j] - a * v[j]) * inv }
        }
    }

    /// Scales `x` to unit length (PyTorch `F.normalize` with eps 1e-12).
    static func normalize(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        var s: Float = 0
        for i in 0..<n { s += x[i] * x[i] }
        let inv = 1 / max(s.squareRoot(), epsilon)
        for i in 0..<n { x[i] *= inv }
    }
}
