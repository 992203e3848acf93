import CGSL

/// Row-major matrix products `C = alpha * op(A) * op(B) + beta * C` through OpenBLAS.
public enum Gemm {
    /// `C (m, n) = alpha * op(A) (m, k) * op(B) (k, n) + beta * C`, all row-major,
    /// with leading dimensions equal to the stored row lengths.
    public static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, beta: Float = 0,
        _ c: UnsafeMutablePointer<Float>
    ) {
        if m == 0 || n == 0 { return }
        let lda = transA ? m : k
        let ldb = transB ? k : n
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
    }

    /// The naive triple loop that `sgemm` is tested against (double accumulation).
    public static func naive(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, beta: Float = 0,
        _ c: UnsafeMutablePointer<Float>
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let av = transA ? a[p * m + i] : a[i * k + p]
                    let bv = transB ? b[j * k + p] : b[p * n + j]
                    s += Double(av) * Double(bv)
                }
                c[i * n + j] = alpha * Float(s) + (beta == 0 ? 0 : beta * c[i * n + j])
            }
        }
    }
}
