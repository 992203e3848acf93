import Foundation

/// Ends the process when a case runs past its time or memory budget, printing the case (`CrashReporter`): such a
/// case is a hang, whose cause the supervisor reports.
///
/// The time budget is processor time of this process, so that a loaded machine (other jobs, a build) does not turn
/// slow cases into hangs; a case that waits without computing is caught by a wall-clock limit of four budgets.
public final class Watchdog: @unchecked Sendable {
    /// Exit status of a process whose case ran past its time budget.
    public static let hangStatus: Int32 = 71
    /// Exit status of a process whose case ran past its memory budget.
    public static let memoryStatus: Int32 = 72
    private let seconds: Double
    private let bytes: Int
    private let lock = NSLock()
    private var started: (wall: Double, cpu: Double)?

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
        started = (ProcessInfo.processInfo.systemUptime, Self.processorSeconds())
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
            if Self.processorSeconds() - began.cpu > seconds {
                Self.end("HANG (over \(seconds) s of processor time)", status: Self.hangStatus)
            }
            if ProcessInfo.processInfo.systemUptime - began.wall > 4 * seconds {
                Self.end("HANG (over \(4 * seconds) s of wall-clock time)", status: Self.hangStatus)
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

    /// Processor seconds this process has used (all threads).
    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Resident memory of this process, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
