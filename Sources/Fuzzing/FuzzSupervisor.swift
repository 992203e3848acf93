import Foundation

/// The long campaign: splits the cases into batches, runs each batch in a worker process (this executable with
/// `--worker`), and when a worker dies on a case (a trap, a fault, past its budget) records that case as a finding
/// and goes on from the next one.
public final class FuzzSupervisor: @unchecked Sendable {
    /// The campaign's settings.
    public struct Settings: Sendable {
        public var seed: UInt64 = 1
        public var start = 0
        public var cases = 1_000_000
        public var jobs = 2
        public var batch = 20_000
        public var budgetSeconds = 10.0
        public var memoryMiB = 4096
        public init() {}
    }

    private let settings: Settings
    private let executable: String
    private let folder: String
    private let lock = NSLock()
    private var queue: [Range<Int>] = []
    private var report = FuzzReport()
    private var done = 0

    /// A supervisor running `executable` as its workers, keeping their logs in a fresh folder under the system's
    /// temporary folder (removed at the end).
    public init(settings: Settings, executable: String) throws {
        self.settings = settings
        self.executable = executable
        folder = NSTemporaryDirectory() + "gansim-fuzz-campaign-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var lower = settings.start
        while lower < settings.start + settings.cases {
            let upper = min(lower + settings.batch, settings.start + settings.cases)
            queue.append(lower..<upper)
            lower = upper
        }
    }

    /// Runs every batch, `jobs` at a time, printing progress to standard error; returns the merged report.
    public func run() -> FuzzReport {
        DispatchQueue.concurrentPerform(iterations: max(settings.jobs, 1)) { job in
            while let range = next() { runWorker(range, job: job) }
        }
        if folder.contains("/gansim-fuzz-campaign-") { try? FileManager.default.removeItem(atPath: folder) }
        return report
    }

    private func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    private func runWorker(_ range: Range<Int>, job: Int) {
        let log = "\(folder)/worker-\(job)-\(range.lowerBound)"
        FileManager.default.createFile(atPath: log + ".out", contents: nil)
        FileManager.default.createFile(atPath: log + ".err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--worker", "--seed", "\(settings.seed)", "--from", "\(range.lowerBound)", "--to", "\(range.upperBound)",
                             "--budget", "\(settings.budgetSeconds)", "--memory", "\(settings.memoryMiB)", "--scratch", folder]
        process.standardOutput = FileHandle(forWritingAtPath: log + ".out")
        process.standardError = FileHandle(forWritingAtPath: log + ".err")
        do { try process.run() } catch {
            record(FuzzReport(), finding: "cannot start a worker for cases \(range): \(error)", covered: 0)
            return
        }
        process.waitUntilExit()
        let out = (try? String(contentsOfFile: log + ".out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? ""
        var partial = FuzzReport()
        var lastDone = range.lowerBound
        var findings: [String] = []
        for line in out.split(separator: "\n") {
            if line.hasPrefix("COUNTS ") { partial = FuzzReport.parseCounts(String(line)) }
            if line.hasPrefix("DONE "), let n = Int(line.dropFirst(5)) { lastDone = n }
        }
        for block in err.components(separatedBy: "\nGANSIM-FUZZ FINDING\n").dropFirst() { findings.append(block.trimmingCharacters(in: .whitespacesAndNewlines)) }
        partial.findings = findings
        if process.terminationReason == .exit && process.terminationStatus == 0 {
            record(partial, finding: nil, covered: range.count)
            return
        }
        // The worker died on a case: the crash text holds it; the rest of the batch runs in a new worker.
        let crash = err.range(of: "\nGANSIM-FUZZ ").map { String(err[$0.lowerBound...]) } ?? "worker exited with status \(process.terminationStatus)"
        var failed = lastDone
        if let match = crash.range(of: #"case (\d+) of seed"#, options: .regularExpression) {
            failed = Int(crash[match].split(separator: " ")[1]) ?? lastDone
        }
        record(partial, finding: crash.trimmingCharacters(in: .whitespacesAndNewlines), covered: failed + 1 - range.lowerBound)
        if failed + 1 < range.upperBound {
            lock.lock()
            queue.insert((failed + 1)..<range.upperBound, at: 0)
            lock.unlock()
        }
    }

    private func record(_ partial: FuzzReport, finding: String?, covered: Int) {
        lock.lock()
        defer { lock.unlock() }
        report.merge(partial)
        if let finding { report.findings.append(finding) }
        done += covered
        let line = "\rGansimFuzz: \(done)/\(settings.cases) cases, \(report.findings.count) findings   "
        FileHandle.standardError.write(Data(line.utf8))
    }
}
