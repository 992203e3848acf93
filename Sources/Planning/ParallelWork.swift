import Dispatch
import Foundation

/// Runs independent jobs on several threads, each thread with its own state, and returns results in job order.
enum ParallelWork {
    /// Maps `count` jobs through `body` on `threads` threads; `makeState` creates each
    /// thread's private state (caches). `progress(done, count)` is called, serialised,
    /// as jobs finish.
    static func map<State, Result: Sendable>(
        count: Int, threads: Int, makeState: @Sendable () -> State,
        body: @Sendable (inout State, Int) -> Result, progress: @Sendable (Int, Int) -> Void
    ) -> [Result] {
        let shared = Shared<Result>(count: count)
        let chunk = max(1, min(64, count / max(1, threads * 16)))
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            var state = makeState()
            while let range = shared.claim(chunk) {
                let results = range.map { body(&state, $0) }
                let done = shared.store(results, at: range)
                progress(done, count)
            }
        }
        return shared.results.map { $0! }
    }

    /// The job counter and result slots, behind a lock.
    private final class Shared<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0, done = 0
        private(set) var results: [Result?]
        private let count: Int

        init(count: Int) {
            self.count = count
            results = Array(repeating: nil, count: count)
        }

        func claim(_ size: Int) -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            let range = next..<min(count, next + size)
            next = range.upperBound
            return range
        }

        func store(_ values: [Result], at range: Range<Int>) -> Int {
            lock.lock()
            defer { lock.unlock() }
            for (i, v) in zip(range, values) { results[i] = v }
            done += values.count
            return done
        }
    }
}
