/// Fully connected layer `y = x W^T + b` with PyTorch's `W (out, in)` layout.
public enum LinearKernel {
    /// `y (B, out) = x (B, in) * w^T (in, out) + bias (out)`.
    public static func forward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, batch: Int, inFeatures: Int, outFeatures: Int
    ) {
        Gemm.sgemm(transA: false, transB: true, m: batch, n: outFeatures, k: inFeatures, x, w, y)
        if let bias {
            for b in 0..<batch {
                let row = y + b * outFeatures
                for o in 0..<outFeatures { row[o] += bias[o] }
            }
        }
    }

    /// `dw += dy^T x`, `db += sum_b dy`, and `dx = dy w` when `dx` is given.
    public static func backward(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>?, dx: UnsafeMutablePointer<Float>?,
        batch: Int, inFeatures: Int, outFeatures: Int
    ) {
        // dw (out, in) += dy^T (out, B) * x (B, in)
        Gemm.sgemm(transA: true, transB: false, m: outFeatures, n: inFeatures, k: batch, dy, x, beta: 1, dw)
        if let db {
            for b in 0..<batch {
                let row = dy + b * outFeatures
                for o in 0..<outFeatures { db[o] += row[o] }
            }
        }
        if let dx {
            // dx (B, in) = dy (B, out) * w (out, in)
            Gemm.sgemm(transA: false, transB: false, m: batch, n: inFeatures, k: outFeatures, dy, w, dx)
        }
    }

    /// The plain double loop that `forward` is tested against.
    public static func naiveForward(
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        y: UnsafeMutablePointer<Float>, batch: Int, inFeatures: Int, outFeatures: Int
    ) {
        for b in 0..<batch {
            for o in 0..<outFeatures {
                var s = Double(bias?[o] ?? 0)
                for i in 0..<inFeatures { s += Double(x[b * inFeatures + i]) * Double(w[o * inFeatures + i]) }
                y[b * outFeatures + o] = Float(s)
            }
        }
    }
}
