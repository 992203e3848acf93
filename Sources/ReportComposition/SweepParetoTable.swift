import Planning
import Reports
import Simulator

/// The sweep's Pareto front as one table, which `gansim sweep` prints and the sweep page shows.
///
/// One list of figures per front point, composed once, so that the terminal and the page never disagree on what the
/// front is or which figures it carries; each presentation names the columns its own way (short on a terminal,
/// spelled out on the page) and marks a figure that does not exist (a point not confirmed by the event simulation)
/// its own way: `-` on a terminal, blank on the page. The last column, the validated range of the training time (of
/// the event simulation where there is one), is present only where some front point's profile is validated.
struct SweepParetoTable {
    /// The figures' column names: on a terminal and on the page, in column order after the axes.
    static let columns: [(terminal: String, page: String)] = [
        ("time", "expected time"), ("goodput", "goodput"), ("cost", "cost"), ("energy", "energy"),
        ("memory", "memory/device"), ("event time", "event sim. time"), ("gap", "event vs analytic"),
    ]
    /// The name of the validated-range column, the same in both presentations.
    static let rangeColumn = "validated time range"

    /// The sweep's axis names, the first columns.
    let axes: [String]
    /// Whether the validated-range column is present.
    let ranged: Bool
    /// One row per front point, fastest first: its axis values, then its figures; nil where a figure does not exist.
    let rows: [[String?]]

    /// The front of `result`, with the analytic expected figures (with failures and checkpoints).
    init(_ result: SweepResult) {
        axes = result.axes
        let ranged = result.pareto.contains { result.outcomes[$0].best?.iterationSecondsInterval != nil }
        self.ranged = ranged
        rows = result.pareto.map { i -> [String?] in
            let o = result.outcomes[i], a = o.analytic!
            let figures: [String?] = [
                Units.seconds(a.expectedWallSeconds), String(format: "%.1f%%", a.goodput * 100), String(format: "$%.0f", a.expectedTotalUSD),
                String(format: "%.0f kWh", a.expectedTotalKWh), Units.bytes(a.memory.peakBytesPerDevice),
                o.confirmed.map { Units.seconds($0.expectedWallSeconds) }, o.disagreement.map { String(format: "%+.1f%%", $0 * 100) },
            ]
            let range = ranged ? [o.best!.expectedWallSecondsInterval.map { $0.map(Units.seconds).joined(separator: "-") } ?? "not validated"] : []
            return o.labels + figures + range
        }
    }

    /// The table as aligned text: axes left-aligned, figures right-aligned, `-` for a missing figure.
    var text: String {
        var table = TextTable(axes + Self.columns.map(\.terminal) + (ranged ? [Self.rangeColumn] : []), leftAligned: Set(axes.indices))
        for row in rows { table.add(row.map { $0 ?? "-" }) }
        return table.render()
    }

    /// The table as HTML, a missing figure left blank.
    var html: String {
        HTMLPage.table(axes + Self.columns.map(\.page) + (ranged ? [Self.rangeColumn] : []), rows.map { $0.map { $0 ?? "" } })
    }
}
