import Dispatch
import Foundation

/// The watchdog loop every blocking wait of the Distributed module goes through.
enum PollLoop {
    /// Polls back to back without yielding the core first, in nanoseconds (a message on
    /// shared memory arrives within microseconds).
    static let busyNanoseconds: UInt64 = 20_000
    /// Polls yielding the core in between until then, in nanoseconds.
    static let yieldNanoseconds: UInt64 = 2_000_000
    /// Pause between polls after that, in microseconds, where the wait sleeps.
    static let pauseMicroseconds: UInt32 = 50

    /// Calls `poll` until it returns true; throws `MPIError.timeout` naming `operation`
    /// once `timeoutSeconds` have passed (`.infinity`: never).
    ///
    /// Polls back to back for 20 us, then yielding the core until 2 ms, then, where it `sleeps`, every 50 us, so that a
    /// long wait for a slower rank does not take a core from the compute threads that share it; otherwise it goes on
    /// yielding. A core left idle costs a wake-up when the other rank's message arrives, and a ring waits for one at each
    /// of its steps (a virtual machine's sleeping core is slow to wake: docs/communication-measurements.md), so only
    /// ranks whose threads outnumber the cores sleep (`MPIWorld.sleepsWhileWaiting`).
    static func run(timeoutSeconds: Double, sleeps: Bool, operation: @autoclosure () -> String,
                    _ poll: () throws(MPIError) -> Bool) throws(MPIError)
    {
        let start = DispatchTime.now().uptimeNanoseconds
        // Beyond ~584 years (or infinity): no limit.
        let limit = timeoutSeconds < 1.8e10 ? UInt64(max(0, timeoutSeconds) * 1e9) : UInt64.max
        while !(try poll()) {
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            if elapsed > limit { throw .timeout(operation: operation(), seconds: timeoutSeconds) }
            if elapsed < busyNanoseconds { continue }
            if !sleeps || elapsed < yieldNanoseconds { sched_yield() } else { usleep(pauseMicroseconds) }
        }
    }
}
