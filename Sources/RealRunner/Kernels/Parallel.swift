import CGSL
import CPUExecution
import Workload
import Dispatch

/// The runner's thread count, for its matrix products and its own parallel loops.
///
/// The count is kept per calling thread (the thread that runs a trainer sets it), with
/// the last count set anywhere as the default of other threads.
public enum Parallel {
    nonisolated(unsafe) private static var _threads = 1

    /// Threads used by `forEach` and by `Gemm.sgemm` on the calling thread.
    public static var threads: Int { CallerThreadState.current.threads ?? _threads }

    /// Sets the thread count of the calling thread's loops and matrix products (at
    /// least 1), and the default of threads that never set one.
    ///
    /// OpenBLAS itself is kept single-threaded: `Gemm.sgemm` splits products across
    /// these threads, so that idle OpenBLAS workers never spin against the runner's loops.
    public static func setThreads(_ n: Int) {
        _threads = max(1, n)
        CallerThreadState.current.threads = max(1, n)
        openblas_set_num_threads(1)
    }

    /// Loops and products the calling thread has split across threads so far: the
    /// trainer compares it before and after an op to record whether the op ran on one
    /// thread.
    public static var splits: Int { CallerThreadState.current.splits }

    /// Runs `body` over `0..<count` split into contiguous chunks, one per thread.
    ///
    /// Each chunk is a disjoint range, so bodies that write only to indices in their
    /// range are race-free. Runs inline when one thread is set or the work is small
    /// (`ThreadSplit.splitsLoop`: `count * costPerItem` below 32k element operations).
    public static func forEach(_ count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        let state = CallerThreadState.current
        let t = min(state.threads ?? _threads, count)
        if t <= 1 || !ThreadSplit.splitsLoop(count: count, costPerItem: costPerItem) {
            if count > 0 { body(0..<count) }
            return
        }
        state.splits += 1
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
