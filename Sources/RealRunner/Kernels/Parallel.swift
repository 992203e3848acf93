import CGSL
import Dispatch

/// The runner's thread count, for its matrix products and its own parallel loops.
public enum Parallel {
    nonisolated(unsafe) private static var _threads = 1

    /// Threads used by `forEach` and by OpenBLAS.
    public static var threads: Int { _threads }

    /// Sets the thread count of the runner's loops and matrix products (at least 1).
    ///
    /// OpenBLAS itself is kept single-threaded: `Gemm.sgemm` splits products across
    /// these threads, so that idle OpenBLAS workers never spin against the runner's loops.
    public static func setThreads(_ n: Int) {
        _threads = max(1, n)
        openblas_set_num_threads(1)
    }

    /// Runs `body` over `0..<count` split into contiguous chunks, one per thread.
    ///
    /// Each chunk is a disjoint range, so bodies that write only to indices in their
    /// range are race-free. Runs inline when one thread is set or the work is small
    /// (`count * costPerItem` below about 32k element operations).
    public static func forEach(_ count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        let t = min(_threads, count)
        if t <= 1 || count * costPerItem < 32_768 {
            if count > 0 { body(0..<count) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: t) { i in
                let lo = count * i / t
                let hi = count * (i + 1) / t
                if lo < hi { box.value(lo..<hi) }
            }
        }
    }
}
