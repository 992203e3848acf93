import Foundation

/// Process resource figures read from the kernel.
public enum ResourceUsage {
    /// Peak resident memory of this process in bytes (`VmHWM` of /proc/self/status,
    /// falling back to `getrusage`'s `ru_maxrss`).
    public static func peakResidentBytes() -> Int {
        if let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
                return kb * 1024
            }
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    }
}
