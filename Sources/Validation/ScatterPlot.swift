import Foundation

/// A predicted-vs-measured scatter plot as a self-contained SVG (log-log axes, y = x line,
/// ±10% band).
public enum ScatterPlot {
    public static func svg(_ report: ValidationReport, title: String = "Step time: predicted vs measured") -> String {
        let w = 560.0, h = 480.0, left = 70.0, bottom = 60.0, top = 40.0, right = 20.0
        let xs = report.configurations.flatMap { [$0.predictedStepSeconds, $0.measuredStepSeconds] }
        let lo = log10((xs.min() ?? 1e-3) / 1.5), hi = log10((xs.max() ?? 1) * 1.5)
        func px(_ v: Double) -> Double { left + (log10(v) - lo) / (hi - lo) * (w - left - right) }
        func py(_ v: Double) -> Double { h - bottom - (log10(v) - lo) / (hi - lo) * (h - top - bottom) }
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" \
            font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(w / 2)" y="22" text-anchor="middle" font-size="15">\(title)</text>

            """
        let a = pow(10, lo), b = pow(10, hi)
        // The +-10% band and the y = x line.
        s += "<polygon points=\"\(px(a)),\(py(a * 1.1)) \(px(b / 1.1)),\(py(b)) \(px(b)),\(py(b)) \(px(b)),\(py(b * 0.9)) \(px(a / 0.9)),\(py(a))\" fill=\"#dde8f5\"/>\n"
        s += "<line x1=\"\(px(a))\" y1=\"\(py(a))\" x2=\"\(px(b))\" y2=\"\(py(b))\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n"
        // Decade ticks.
        for e in Int(ceil(lo))...Int(floor(hi)) {
            let v = pow(10, Double(e))
            let label = v >= 1 ? String(format: "%.0f s", v) : v >= 1e-3 ? String(format: "%.0f ms", v * 1e3)
                : String(format: "%.0f us", v * 1e6)
            s += "<line x1=\"\(px(v))\" y1=\"\(h - bottom)\" x2=\"\(px(v))\" y2=\"\(h - bottom + 5)\" stroke=\"black\"/>"
            s += "<text x=\"\(px(v))\" y=\"\(h - bottom + 18)\" text-anchor=\"middle\">\(label)</text>\n"
            s += "<line x1=\"\(left - 5)\" y1=\"\(py(v))\" x2=\"\(left)\" y2=\"\(py(v))\" stroke=\"black\"/>"
            s += "<text x=\"\(left - 8)\" y=\"\(py(v) + 4)\" text-anchor=\"end\">\(label)</text>\n"
        }
        s += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(w - left - right)\" height=\"\(h - top - bottom)\" fill=\"none\" stroke=\"black\"/>\n"
        s += "<text x=\"\(left + (w - left - right) / 2)\" y=\"\(h - 15)\" text-anchor=\"middle\">measured step time</text>\n"
        s += "<text transform=\"translate(18 \(top + (h - top - bottom) / 2)) rotate(-90)\" text-anchor=\"middle\">predicted step time</text>\n"
        for c in report.configurations {
            let color = abs(c.stepTimeError) <= 0.1 ? "#1f77b4" : abs(c.stepTimeError) <= 0.2 ? "#ff7f0e" : "#d62728"
            s += "<circle cx=\"\(px(c.measuredStepSeconds))\" cy=\"\(py(c.predictedStepSeconds))\" r=\"5\" fill=\"\(color)\"><title>\(c.label): \(String(format: "%+.1f%%", c.stepTimeError * 100))</title></circle>\n"
        }
        s += "<text x=\"\(left + 10)\" y=\"\(top + 18)\">shaded: within ±10%; MAPE \(String(format: "%.1f%%", report.summary.stepTimeMAPE * 100)) over \(report.summary.configurations) runs</text>\n"
        return s + "</svg>\n"
    }
}
