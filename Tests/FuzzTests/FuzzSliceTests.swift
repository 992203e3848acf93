import Foundation
import Fuzzing
import Testing
import TestSupport

/// A fixed-seed slice of the fuzzing campaign: every case ends in a result or a clear message.
@Suite struct FuzzSliceTests {
    @Test func fixedSeedSliceHasNoFindings() throws {
        let executor = try FuzzExecutor(parent: TestScratch.root)
        defer { executor.close() }
        let report = FuzzWorker.runSilenced(seed: 20_261_203, range: 0..<20_000, executor: executor)
        #expect(report.total == 20_000)
        for entry in FuzzEntry.allCases { #expect((report.cases[entry] ?? 0) > 0, "no \(entry.rawValue) cases") }
        #expect(report.findings.isEmpty, "\(report.findings.count) findings, the first: \(report.findings.first ?? "")")
    }
}
