import Foundation
import Reports
import Validation

/// Measured against predicted data-parallel scaling of published runs as a table: what `validate --runs` prints
/// under the per-run table and its page shows.
public struct ScalingTable {
    /// The comparisons, one row each.
    public let rows: [ScalingComparison]

    /// The table of `rows`.
    public init(_ rows: [ScalingComparison]) { self.rows = rows }

    /// Speed-up and efficiency between GPU counts, measured and predicted, and the efficiency error in points.
    public var text: String {
        var t = TextTable(["configuration", "GPUs", "measured speed-up", "predicted", "efficiency", "predicted", "error (points)"])
        for r in rows {
            t.add([r.configuration, "\(r.fromGPUs) -> \(r.toGPUs)", String(format: "%.2fx", r.measuredSpeedup),
                   String(format: "%.2fx", r.predictedSpeedup), String(format: "%.1f%%", r.measuredEfficiency * 100),
                   String(format: "%.1f%%", r.predictedEfficiency * 100), String(format: "%+.1f", r.efficiencyErrorPoints)])
        }
        return t.render()
    }
}
