import CostModel
import Foundation
import Reports

/// A profile fit to op timings as text: what `gansim calibrate` prints, and `validate --calibrate` before its table.
public struct CalibrationTable {
    /// The fit.
    public let result: CalibrationResult
    /// The name of the catalog profile the fit started from.
    public let device: String
    /// Where the op timings came from (a file, a count of files, the built-in fit set).
    public let source: String

    /// The table of `result`, fitted from `device`'s catalog profile to the op timings of `source`.
    public init(_ result: CalibrationResult, device: String, source: String) {
        self.result = result
        self.device = device
        self.source = source
    }

    /// A line naming the fit, the per-class table, then the whole-step terms where the fit has them (CPU fits).
    public var text: String {
        var lines = ["fitted \(device) to \(result.samples) op timings from \(source)"]
        var table = TextTable(["class", "threads", "samples", "overhead", "compute eff.", "memory eff.",
                               "column eff., ns/segment", "R^2 (log t)", "spread", "mean |err|"])
        for c in result.classes {
            var column = c.loweringEfficiency.map { String(format: "%.3f", $0) } ?? "-"
            if let t = c.loweringSecondsPerSegment { column += String(format: ", %.1f ± %.1f", t * 1e9,
                                                                       (c.loweringSecondsPerSegmentStandardError ?? 0) * 1e9) }
            table.add([c.opClass.rawValue, c.threads == 0 ? "-" : "\(c.threads)", "\(c.samples)",
                       Units.seconds(c.launchOverheadSeconds) + " ± " + Units.seconds(c.launchOverheadStandardError),
                       String(format: "%.3f ± %.3f", c.computeEfficiency, c.computeEfficiencyStandardError),
                       String(format: "%.3f ± %.3f", c.memoryEfficiency, c.memoryEfficiencyStandardError), column,
                       String(format: "%.3f", c.rSquared), String(format: "%.1f%%", c.residualSpread * 100),
                       String(format: "%.1f%%", c.meanAbsoluteError * 100)])
        }
        lines.append(table.render())
        if let o = result.profile.iterationOverheadSeconds {
            lines.append("per-iteration overhead outside the ops: \(Units.seconds(o)); process baseline memory: "
                + Units.bytes(result.profile.runtimeOverheadBytes)
                + (result.profile.convolutionRuntimeBytes.map { ", and \(Units.bytes($0)) more with convolutions (oneDNN)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
