import Foundation

/// Ends the process when a case runs past its time or memory budget, printing the case (`CrashReporter`): such a
/// case is a hang, whose cause the supervisor reports.
public final class Watchdog: @unchecked Sendable {
    /// Exit status of a process whose case ran past its time budget.
    public static let hangStatus: Int32 = 71
    /// Exit status of a process whose case ran past its memory budget.
    public static let memoryStatus: Int32 = 72
    private let seconds: Double
    private let bytes: Int
    private let lock = NSLock()
    private var started: Double?

    /// A watchdog with a budget per case of `seconds` and `bytes` of resident memory; starts its thread.
    public init(seconds: Double, bytes: Int) {
        self.seconds = seconds
        self.bytes = bytes
        let thread = Thread { [self] in watch() }
        thread.stackSize = 1 << 18
        thread.start()
    }

    /// Marks the start of a case.
    public func start() {
        lock.lock()
        started = ProcessInfo.processInfo.systemUptime
        lock.unlock()
    }

    /// Marks the end of a case.
    public func stop() {
        lock.lock()
        started = nil
        lock.unlock()
    }

    private func watch() {
        while true {
            usleep(50_000)
            lock.lock()
            let began = started
            lock.unlock()
            guard let began else { continue }
            if ProcessInfo.processInfo.systemUptime - began > seconds {
                Self.end("HANG (over \(seconds) s)", status: Self.hangStatus)
            }
            if Self.residentBytes() > bytes {
                Self.end("MEMORY (over \(bytes / 1_048_576) MiB resident)", status: Self.memoryStatus)
            }
        }
    }

    private static func end(_ what: String, status: Int32) -> Never {
        let header = "\nGANSIM-FUZZ \(what)\n"
        header.withCString { _ = write(2, $0, strlen($0)) }
        _ = write(2, CrashReporter.buffer, CrashReporter.length)
        _ = write(2, "\n", 1)
        _exit(status)
    }

    /// Resident memory of this process, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
