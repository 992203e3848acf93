#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Parallel`'s state for one calling thread: the thread count it set and the loops it
/// split.
///
/// Kept per thread (a pthread key) so that trainers on different threads, such as tests
/// running concurrently, neither change each other's thread count nor see each other's
/// splits.
final class CallerThreadState {
    /// Threads set by this thread's `Parallel.setThreads` (nil: never set here).
    var threads: Int?
    /// Loops and products this thread split across threads.
    var splits = 0

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // The destructor releases the state retained by `current` when its thread exits.
        pthread_key_create(&key) { pointer in
            #if canImport(Glibc)
            guard let pointer else { return }
            #endif
            Unmanaged<CallerThreadState>.fromOpaque(pointer).release()
        }
        return key
    }()

    /// The calling thread's state, created on first use.
    static var current: CallerThreadState {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<CallerThreadState>.fromOpaque(pointer).takeUnretainedValue()
        }
        let state = CallerThreadState()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }
}
