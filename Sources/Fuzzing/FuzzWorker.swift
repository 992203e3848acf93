import Foundation

/// Runs a range of cases in this process; the unit both the test slice and each campaign worker run.
public enum FuzzWorker {
    /// Runs cases `range` of campaign `seed`; `before` hears each case before it runs (crash reporting, budgets),
    /// `after` hears it after, with the report so far.
    public static func run(
        seed: UInt64, range: Range<Int>, executor: FuzzExecutor,
        before: (FuzzCase) -> Void = { _ in }, after: (FuzzCase, FuzzReport) -> Void = { _, _ in }
    ) -> FuzzReport {
        var report = FuzzReport()
        for index in range {
            let fuzzCase = FuzzCase(seed: seed, index: index)
            before(fuzzCase)
            let began = DispatchTime.now().uptimeNanoseconds
            let outcome = executor.run(fuzzCase)
            report.seconds[fuzzCase.entry, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
            report.cases[fuzzCase.entry, default: 0] += 1
            switch outcome {
            case .result: break
            case .message: report.messages[fuzzCase.entry, default: 0] += 1
            case .unclear(let why):
                report.messages[fuzzCase.entry, default: 0] += 1
                report.findings.append("UNCLEAR \(why)\n\(fuzzCase.reproducer)")
            }
            after(fuzzCase, report)
        }
        return report
    }

    /// Runs `body` with standard output sent to /dev/null, restoring it after.
    public static func silenced<T>(_ body: () -> T) -> T {
        fflush(nil)
        let saved = dup(1)
        let null = open("/dev/null", O_WRONLY)
        dup2(null, 1)
        close(null)
        defer {
            fflush(nil)
            dup2(saved, 1)
            close(saved)
        }
        return body()
    }
}
