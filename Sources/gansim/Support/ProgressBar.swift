import Foundation

/// A one-line progress bar on standard error, drawn only on a terminal; safe to update from worker threads.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = 0.0

    /// Creates a bar; a disabled one draws nothing.
    init(enabled: Bool) { self.enabled = enabled }

    /// Redraws the bar (at most every 0.1 s, and always at the end).
    func update(_ step: Int, _ total: Int, _ note: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date().timeIntervalSince1970
        guard now - lastDraw > 0.1 || step == total else { return }
        lastDraw = now
        let width = 30, filled = width * step / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(step)/\(total) \(note)   ".utf8))
    }

    /// Ends the bar's line.
    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
