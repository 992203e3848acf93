import Foundation

/// The case being run, kept where a signal handler can print it: a Swift trap (overflow, a failed precondition)
/// or a fault ends the process, so the fuzzer cannot catch it; the handler writes the case to standard error and
/// exits with `exitStatus`, and the supervisor reads which case it was.
public enum CrashReporter {
    /// Exit status of a process that crashed on a case.
    public static let exitStatus: Int32 = 70
    static let capacity = 16_384
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) static var length = 0

    /// Installs the handlers for the signals a trap or fault raises.
    public static func install() {
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                let header = "\nGANSIM-FUZZ CRASH (signal \(signal))\n"
                header.withCString { _ = write(2, $0, strlen($0)) }
                _ = write(2, CrashReporter.buffer, CrashReporter.length)
                _ = write(2, "\n", 1)
                _exit(CrashReporter.exitStatus)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Records `text` (the case's reproducer) as the one to print on a crash.
    public static func setCurrent(_ text: String) {
        let bytes = Array(text.utf8.prefix(capacity - 1))
        length = 0
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress!, byteCount: source.count)
        }
        length = bytes.count
    }
}
