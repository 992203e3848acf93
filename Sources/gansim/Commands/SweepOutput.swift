import Foundation
import Planning
import Reports
import Simulator

/// What `gansim sweep` prints and writes.
enum SweepOutput {
    /// Writes `csvName` (every point), result.json, report.html and `extra` files into `directory`, each atomically.
    static func write(_ result: SweepResult, to directory: String, csvName: String = "sweep.csv", extra: [(String, Data)] = []) throws {
        let folder = try OutputFolder(directory)
        let files: [(String, Data)] = extra + [
            (csvName, Data(result.csv.utf8)), ("result.json", Data(try JSONOutput.string(result).utf8)),
            ("report.html", Data(SweepReport(result: result).html.utf8)),
        ]
        try folder.write(files)
    }

    /// The terminal summary: counts, the Pareto front and the largest disagreements.
    static func text(_ result: SweepResult) -> String {
        let s = result.summary
        var lines = [
            "\(result.name): \(s.points) points (\(s.ok) fit, \(s.outOfMemory) out of memory, \(s.invalid) invalid); "
                + "\(s.confirmed) confirmed by event simulation, gap \(String(format: "%.1f%%", s.meanAbsoluteDisagreement * 100)) "
                + "mean, \(String(format: "%.1f%%", s.maxAbsoluteDisagreement * 100)) max",
            "", "Pareto front (expected training time against cost, with failures and checkpoints):",
        ]
        // The validated range of the training time, where some point's profile was validated (`ValidatedError`).
        let ranged = result.pareto.contains { result.outcomes[$0].best?.iterationSecondsInterval != nil }
        var table = TextTable(result.axes + ["time", "goodput", "cost", "energy", "memory", "event time", "gap"] + (ranged ? ["validated time range"] : []),
                              leftAligned: Set(result.axes.indices))
        for i in result.pareto {
            let o = result.outcomes[i], a = o.analytic!
            var row = o.labels + [
                Units.seconds(a.expectedWallSeconds), String(format: "%.1f%%", a.goodput * 100), String(format: "$%.0f", a.expectedTotalUSD),
                String(format: "%.0f kWh", a.expectedTotalKWh),
                Units.bytes(a.memory.peakBytesPerDevice), o.confirmed.map { Units.seconds($0.expectedWallSeconds) } ?? "-",
                o.disagreement.map { String(format: "%+.1f%%", $0 * 100) } ?? "-",
            ]
            if ranged {
                let best = o.best!
                row.append(best.expectedWallSecondsInterval.map { $0.map(Units.seconds).joined(separator: "-") } ?? "not validated")
            }
            table.add(row)
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
