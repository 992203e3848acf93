import CGSL
import CPUExecution
import Workload

/// Row-major matrix products `C = alpha * op(A) * op(B) + beta * C` through OpenBLAS.
public enum Gemm {
    /// `C (m, n) = alpha * op(A) (m, k) * op(B) (k, n) + beta * C`, all row-major,
    /// with leading dimensions equal to the stored row lengths.
    ///
    /// With more than one thread and enough work (`ThreadSplit.splitsProduct`) the product
    /// is split into one block of rows (or of columns, whichever dimension is larger) per
    /// thread, each a single-threaded
    /// OpenBLAS call: all of the runner's parallelism then goes through `Parallel`, and
    /// no OpenBLAS worker spins on a core that the runner's own loops need.
    public static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, beta: Float = 0,
        _ c: UnsafeMutablePointer<Float>
    ) {
        if m == 0 || n == 0 { return }
        let lda = transA ? m : k
        let ldb = transB ? k : n
        let t = Parallel.threads
        if t <= 1 || !ThreadSplit.splitsProduct(m: m, n: n, k: k) {
            call(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, n)
            return
        }
        if m >= n {
            Parallel.forEach(m, costPerItem: 1 << 20) { rows in
                // Rows i of C use rows i of op(A): A + i*lda, or column i (A + i) when transposed.
                let i0 = rows.lowerBound
                call(transA, transB, rows.count, n, k, alpha, transA ? a + i0 : a + i0 * lda, lda, b, ldb, beta,
                     c + i0 * n, n)
            }
        } else {
            Parallel.forEach(n, costPerItem: 1 << 20) { cols in
                // Columns j of C use columns j of op(B): B + j, or row j (B + j*ldb) when transposed.
                let j0 = cols.lowerBound
                call(transA, transB, m, cols.count, k, alpha, a, lda, transB ? b + j0 * ldb : b + j0, ldb, beta,
                     c + j0, n)
            }
        }
    }

    /// One single- (or OpenBLAS-) threaded `cblas_sgemm` with explicit leading dimensions.
    private static func call(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
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
