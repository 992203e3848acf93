import Dispatch
import Foundation
import Fuzzing
import Testing
import TestSupport

/// A fixed-seed slice of the fuzzing campaign: every case ends in a result or a clear message.
@Suite struct FuzzSliceTests {
    /// The slice: 20,000 cases of one seed, in two halves on two executors (each with its own scratch folder).
    @Test func fixedSeedSliceHasNoFindings() throws {
        let executors = [try FuzzExecutor(parent: TestScratch.root), try FuzzExecutor(parent: TestScratch.root)]
        defer { executors.forEach { $0.close() } }
        let halves = [0..<10_000, 10_000..<20_000]
        let reports = FuzzWorker.silenced {
            let results = ResultBox(count: halves.count)
            DispatchQueue.concurrentPerform(iterations: halves.count) { i in
                results.set(i, FuzzWorker.run(seed: 20_261_203, range: halves[i], executor: executors[i]))
            }
            return results.all
        }
        var report = FuzzReport()
        for part in reports { report.merge(part) }
        #expect(report.total == 20_000)
        for entry in FuzzEntry.allCases { #expect((report.cases[entry] ?? 0) > 0, "no \(entry.rawValue) cases") }
        #expect(report.findings.isEmpty, "\(report.findings.count) findings, the first: \(report.findings.first ?? "")")
    }
}

/// The reports of the concurrent halves, filled from worker threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [FuzzReport]

    init(count: Int) { reports = Array(repeating: FuzzReport(), count: count) }

    func set(_ index: Int, _ report: FuzzReport) {
        lock.lock()
        reports[index] = report
        lock.unlock()
    }

    var all: [FuzzReport] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }
}
