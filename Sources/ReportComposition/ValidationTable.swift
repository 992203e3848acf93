import Foundation
import Distributed
import Reports
import Validation

/// The table of a validation report: what `validate` and `validate-distributed` print and their pages show.
///
/// One renderer for every validation, its columns chosen by what the report compares. After the step time, a report
/// of data-parallel runs (rows that compare communication, or a report carrying the machine they were predicted on)
/// shows communication+wait and compute, every time in milliseconds to two decimals so that a step and its parts read
/// on one scale, and ends with the machine the predictions used; any other report shows peak memory, each time in the
/// unit that suits it, and ends with how the steps were measured where the report says.
public struct ValidationTable {
    /// The report tabulated.
    public let report: ValidationReport

    /// The table of `report`.
    public init(_ report: ValidationReport) { self.report = report }

    /// Whether the report compares data-parallel runs (communication and compute) rather than memory.
    var dataParallel: Bool {
        report.machine != nil || report.configurations.contains { $0.predictedCommunicationSeconds != nil }
    }

    /// The rows, the summary line and the report's closing lines.
    public var text: String {
        let dataParallel = self.dataParallel
        func time(_ seconds: Double) -> String { dataParallel ? String(format: "%.2f ms", seconds * 1e3) : Units.seconds(seconds) }
        typealias Column = (name: String, cell: (ValidationReport.Configuration) -> String)
        let step: [Column] = [
            ("configuration", { $0.label }), ("predicted", { time($0.predictedStepSeconds) }),
            ("measured", { time($0.measuredStepSeconds) }), ("error", { String(format: "%+.1f%%", $0.stepTimeError * 100) }),
        ]
        let parts: [Column] = [
            ("pred. comm+wait", { time($0.predictedCommunicationSeconds ?? 0) }),
            ("meas. comm+wait", { time($0.measuredCommunicationSeconds ?? 0) }),
            ("pred. compute", { time($0.predictedComputeSeconds ?? 0) }), ("meas. compute", { time($0.measuredComputeSeconds ?? 0) }),
            ("pred. reduction", { $0.predictedReductionSeconds.map(time) ?? "-" }),
            ("meas. reduction", { $0.measuredReductionSeconds.map(time) ?? "-" }),
        ]
        let memory: [Column] = [
            ("pred. memory", { $0.predictedPeakBytes.map(Units.bytes) ?? "-" }),
            ("meas. memory", { $0.memoryError == nil ? "-" : Units.bytes($0.measuredPeakBytes ?? 0) }),
            ("error", { c in c.memoryError.map { String(format: "%+.1f%%", $0 * 100) } ?? "-" }),
        ]
        let columns = step + (dataParallel ? parts : memory)
        var table = TextTable(columns.map(\.name))
        for c in report.configurations { table.add(columns.map { $0.cell(c) }) }
        let s = report.summary
        let steps = String(format: "step time MAPE %.1f%% (max %.1f%%) over %d configurations; ",
                           s.stepTimeMAPE * 100, s.stepTimeMaxError * 100, s.configurations)
        guard !dataParallel else {
            return table.render() + "\n" + steps + String(format: "communication+wait MAPE %.1f%%", (s.communicationMAPE ?? 0) * 100)
                + (s.reductionMAPE.map { String(format: "; exposed reduction MAPE %.1f%%", $0 * 100) } ?? "")
                + (report.machine.map { "\n" + Self.lines($0) } ?? "")
        }
        let measuredPeaks = s.memoryConfigurations ?? 0, memoryMAPE = s.memoryMAPE ?? 0
        let memorySummary = measuredPeaks == 0 ? "memory not measured"
            : measuredPeaks == s.configurations ? String(format: "memory MAPE %.1f%%", memoryMAPE * 100)
            : String(format: "memory MAPE %.1f%% over the %d with a measured peak", memoryMAPE * 100, measuredPeaks)
        return table.render() + "\n" + steps + memorySummary + (report.measurement.map { "\nmeasured: " + $0 } ?? "")
    }

    /// The machine's transport regimes (a line per rank count and algorithm), then a line per rank count of how the
    /// ranks shared the cores, then the machine's speed against the profile's where it was measured.
    static func lines(_ machine: DistributedMachine) -> String {
        let transports = machine.transports.sorted { $0.ranks < $1.ranks }.flatMap { t in
            t.regimeFits.map { algorithm, evicted, fit in
                "np \(t.ranks) \(algorithm.rawValue)\(evicted ? ", caches evicted" : ""): " + CommCalibrationTable.describe(fit)
            }
        }
        let sharing = machine.coRunning.map { c in
            String(format: "np %d t%d: a rank gets %.2f of its share of the cores%@%@, its compute varies by %@ per step%@ (%@)",
                   c.ranks, c.threadsPerRank, c.efficiency,
                   c.splitSlowdown.map { passes in
                       String(format: ", its split passes take %.2fx as long", passes)
                           + (c.convolutionSplitSlowdown.map { String(format: " (its convolutions %.2fx)", $0) } ?? "")
                   } ?? "",
                   c.overlapSeconds.map {
                       String(format: ", its compute overlaps its core-mates' with chance 1 - exp(-compute / %.1f ms)", $0 * 1e3)
                   } ?? "",
                   c.interruptionSeconds.map { String(format: "sqrt(%.3g ms x its compute)", $0 * 1e3) }
                       ?? String(format: "%.1f%%", c.stepCoefficientOfVariation * 100),
                   c.rankSpeedCoefficientOfVariation.map { String(format: " and %.1f%% between ranks", $0 * 100) } ?? "",
                   c.runs.map { run in
                       let alone = String(format: "%@: %.2f ms alone", run.label, run.aloneStepSeconds * 1e3)
                       let predicted = run.predictedAloneStepSeconds.map { String(format: " (%.2f ms priced)", $0 * 1e3) } ?? ""
                       let job = run.jobStepSeconds.map { String(format: ", %.2f ms a step as the job", $0 * 1e3) }
                           ?? String(format: ", %.2f ms as a rank", run.rankComputeSeconds * 1e3)
                       return alone + predicted + job
                   }.joined(separator: "; "))
        }
        let speed = machine.profileSlowdown.map { slowdown in
            [String(format: "work alone took %.3f times as long as the profile prices it", slowdown)
                + (machine.convolutionProfileSlowdown.map {
                    String(format: ", its convolutions %.3f times (the sharing runs' geometric means)", $0)
                } ?? " (the sharing runs' geometric mean)")
                + ": the predictions' profile is slowed by that"]
        } ?? []
        return (transports + sharing + speed).joined(separator: "\n")
    }
}
