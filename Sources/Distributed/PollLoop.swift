import Dispatch
import Foundation

/// The watchdog loop every blocking wait of the Distributed module goes through.
enum PollLoop {
    /// Back-to-back polls (yielding the core) before polls are spaced out, in nanoseconds.
    static let spinNanoseconds: UInt64 = 2_000_000
    /// Pause between polls after the spin phase, in microseconds.
    static let pauseMicroseconds: UInt32 = 50

    /// Calls `poll` until it returns true; throws `MPIError.timeout` naming `operation`
    /// once `timeoutSeconds` have passed.
    ///
    /// Polls back to back for the first 2 ms, then every 50 us, so that a long wait for
    /// a slower rank does not take a core from the compute threads.
    static func run(timeoutSeconds: Double, operation: String, _ poll: () throws(MPIError) -> Bool) throws(MPIError) {
        let start = DispatchTime.now().uptimeNanoseconds
        let limit = UInt64(max(0, timeoutSeconds) * 1e9)
        while !(try poll()) {
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            if elapsed > limit { throw .timeout(operation: operation, seconds: timeoutSeconds) }
            if elapsed < spinNanoseconds { sched_yield() } else { usleep(pauseMicroseconds) }
        }
    }
}
