import Foundation
import Reports
import Validation

/// A predicted-vs-measured scatter plot as a self-contained SVG (log-log axes, y = x line,
/// ±10% band).
public enum ScatterPlot {
    public static func svg(_ report: ValidationReport, title: String = "Step time: predicted vs measured") -> String {
        let xs = report.configurations.flatMap { [$0.predictedStepSeconds, $0.measuredStepSeconds] }
        let lo = floor(log10((xs.min() ?? 1e-3) / 1.5)), hi = ceil(log10((xs.max() ?? 1) * 1.5))
        let a = pow(10, lo), b = pow(10, max(hi, lo + 1))
        var c = SVGCanvas(width: 620, height: 480)
        c.xRange = (a, b)
        c.yRange = (a, b)
        c.xLog = true
        c.yLog = true
        // The ±10% band and the y = x line, under everything else.
        c.add(##"<polygon points="\##(c.x(a)),\##(c.y(a * 1.1)) \##(c.x(b / 1.1)),\##(c.y(b)) \##(c.x(b)),\##(c.y(b)) \##(c.x(b)),\##(c.y(b * 0.9)) \##(c.x(a / 0.9)),\##(c.y(a))" fill="#dde8f5"/>"##)
        c.add(##"<line x1="\##(c.x(a))" y1="\##(c.y(a))" x2="\##(c.x(b))" y2="\##(c.y(b))" stroke="#555" stroke-dasharray="4 3"/>"##)
        let decades = stride(from: log10(a), through: log10(b), by: 1).map { pow(10, $0) }
        c.axes(xTicks: decades, yTicks: decades, xLabel: "measured step time", yLabel: "predicted step time",
               xFormat: label, yFormat: label)
        for r in report.configurations {
            let color = abs(r.stepTimeError) <= 0.1 ? "#1f77b4" : abs(r.stepTimeError) <= 0.2 ? "#ff7f0e" : "#d62728"
            let tip = SVGCanvas.escape("\(r.label): \(String(format: "%+.1f%%", r.stepTimeError * 100))")
            c.add(##"<circle cx="\##(c.x(r.measuredStepSeconds))" cy="\##(c.y(r.predictedStepSeconds))" r="5" fill="\##(color)"><title>\##(tip)</title></circle>"##)
        }
        let summary = String(format: "shaded: within ±10%%; MAPE %.1f%% over %d runs",
                             report.summary.stepTimeMAPE * 100, report.summary.configurations)
        c.add(##"<text x="\##(c.left + 10)" y="\##(c.top + 18)">\##(SVGCanvas.escape(summary))</text>"##)
        return c.svg(title: title)
    }

    /// A decade tick label in s, ms or us.
    static func label(_ v: Double) -> String {
        v >= 1 ? String(format: "%.0f s", v) : v >= 1e-3 ? String(format: "%.0f ms", v * 1e3)
            : String(format: "%.0f us", v * 1e6)
    }
}
