import Foundation
import Planning
import Reports

/// What `gansim plan` prints and writes: the recommendation, the runners-up and why they lost, and the search behind
/// them.
public struct PlanReport {
    /// The planner's answer.
    public var plan: PlanResult
    /// The search behind it (every configuration as a sweep point).
    public var search: SweepResult

    /// The report of `plan`, found by `search`.
    public init(plan: PlanResult, search: SweepResult) {
        self.plan = plan
        self.search = search
    }

    /// The files of `plan --out`: plan.json, and the search as candidates.csv, result.json and report.html (the sweep
    /// report).
    public func files() throws -> [(String, Data)] {
        [("plan.json", Data(try JSONOutput.string(plan).utf8))] + (try SweepReport(result: search).files(csvName: "candidates.csv"))
    }

    /// Whether a choice meets `deadline` with margin: even at the slow end of its validated range, or only as predicted.
    static func margin(_ c: PlanChoice, deadline: Double) -> String {
        guard let range = c.trainingSecondsInterval, range.count == 2 else {
            return "meets the deadline as predicted; its profile is not validated, so the margin is unknown"
        }
        let slow = range[1]
        return slow <= deadline
            ? "meets the deadline with margin: even the slow end of its validated range (\(Units.seconds(slow))) is within it"
            : "meets the deadline as predicted, but not at the slow end of its validated range (\(Units.seconds(slow)))"
    }

    /// The recommendation, the runners-up and why they lost, as `gansim plan` prints them.
    public var text: String {
        var lines: [String] = []
        var ask = "\(plan.model): \(Units.grouped(plan.iterations)) iterations at global batch \(plan.globalBatch)"
        if let d = plan.deadlineSeconds { ask += ", deadline \(Units.seconds(d))" }
        if let b = plan.budgetUSD { ask += String(format: ", budget $%.0f", b) }
        lines.append(ask)
        lines.append("searched \(plan.searched) configurations: \(plan.fitting) fit in memory, \(plan.outOfMemory) do not; "
            + "\(plan.confirmed) confirmed by event simulation")
        lines.append("")
        func describe(_ title: String, _ c: PlanChoice?) {
            guard let c else { return }
            lines.append("\(title): \(c.summary)")
            lines.append(String(format: "  %@ expected with failures (goodput %.1f%%), $%.0f, %.0f kWh, %@ of %@ per device, scaling efficiency %.0f%%%@",
                                Units.seconds(c.trainingSeconds), c.goodput * 100, c.costUSD, c.energyKWh, Units.bytes(c.peakBytesPerDevice),
                                Units.bytes(c.capacityBytesPerDevice), c.scalingEfficiency * 100, c.confirmed ? "" : " (analytic)"))
        }
        describe(plan.deadlineSeconds == nil ? "Cheapest" : "Cheapest meeting the deadline", plan.cheapestMeetingDeadline)
        if let deadline = plan.deadlineSeconds, let c = plan.cheapestMeetingDeadline { lines.append("  " + Self.margin(c, deadline: deadline)) }
        describe(plan.budgetUSD == nil ? "Fastest" : "Fastest within the budget", plan.fastestWithinBudget)
        for note in plan.notes { lines.append("Note: \(note)") }
        lines.append("")
        lines.append("Runners-up (best of each other cluster kind):")
        var table = TextTable(["cluster", "best configuration", "time", "cost", "why it lost"], leftAligned: [0, 1, 4])
        for r in plan.runnersUp {
            table.add([r.family, r.best.map { "\($0.devices) devices, batch \($0.batchPerDevice)x\($0.accumulation), \($0.precision)" } ?? "-",
                       r.best.map { Units.seconds($0.trainingSeconds) } ?? "-", r.best.map { String(format: "$%.0f", $0.costUSD) } ?? "-",
                       r.reason])
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
