import Foundation

/// Self-contained SVG charts with axes, units and legends.
///
/// Points and bars may carry `ErrorBounds`, drawn as whiskers with caps (`<path class="whisker">`); the axes then cover
/// the bounds as well as the values, so no whisker is clipped. A chart given no bounds draws no whiskers, and its axes
/// cover the values alone.
public enum Charts {
    /// Half the length of a whisker's cap on a scatter or line point, in pixels.
    public static let pointCap = 4.0
    /// Half the length of a whisker's cap on a bar, in pixels.
    public static let barCap = 6.0

    /// Stacked horizontal bars: one bar per category, one segment per component.
    ///
    /// Label rule: each bar's category label sits above its bar, left-aligned, in a band of `labelBand` pixels
    /// reserved between bars; it is never drawn inside a bar (no contrast to judge, no bar too short to hold it). The
    /// baseline sits 4 pixels over the bar, so descenders (a fifth of the 10-pixel font) clear it.
    ///
    /// - Parameters:
    ///   - categories: bar labels, top to bottom.
    ///   - components: segment names, in stacking order.
    ///   - values: `values[bar][component]`, non-negative.
    ///   - bounds: per bar, the bounds of its total, drawn as a whisker along the bar's middle (nil or absent: none).
    public static func stackedBars(title: String, categories: [String], components: [String], values: [[Double]],
                                   bounds: [ErrorBounds?] = [], unit: String, format: (Double) -> String) -> String {
        let barHeight = 22.0, labelBand = 16.0
        var c = SVGCanvas(width: 760, height: 100 + Double(categories.count) * (barHeight + labelBand), legend: components)
        let maxTotal = (values.map { $0.reduce(0, +) } + bounds.compactMap { $0?.upper }).max() ?? 1
        let scale = NiceScale(min: 0, max: maxTotal)
        c.xRange = (0, scale.upper)
        c.axes(xTicks: scale.ticks, yTicks: [], xLabel: unit, yLabel: "", xFormat: format, yFormat: { _ in "" })
        for (i, row) in values.enumerated() {
            let yTop = c.top + 2 + labelBand + Double(i) * (barHeight + labelBand)
            var acc = 0.0
            for (j, v) in row.enumerated() where v > 0 {
                let color = SVGCanvas.palette[j % SVGCanvas.palette.count]
                c.add(##"<rect x="\##(c.x(acc))" y="\##(yTop)" width="\##(max(0.5, c.x(acc + v) - c.x(acc)))" height="\##(barHeight)" fill="\##(color)"><title>\##(SVGCanvas.escape("\(categories[i]): \(components[j]) \(format(v))"))</title></rect>"##)
                acc += v
            }
            if i < bounds.count, let b = bounds[i] {
                c.horizontalWhisker(y: yTop + barHeight / 2, from: c.x(b.lower), to: c.x(b.upper), cap: barCap, color: "#333",
                                    tip: "\(categories[i]): \(format(b.lower)) to \(format(b.upper))")
            }
            c.add(##"<text x="\##(c.left + 4)" y="\##(yTop - 4)" font-size="10">\##(SVGCanvas.escape(categories[i]))</text>"##)
        }
        c.legend(components.indices.map { .swatch(color: SVGCanvas.palette[$0 % SVGCanvas.palette.count]) })
        return c.svg(title: title)
    }

    /// Lines with markers, and a vertical whisker at each point with y bounds; log scales on request.
    ///
    /// Series `i` draws in palette colour `i` with `SeriesStyle.at(i)`'s marker and dash, inside a `<g class="series">`.
    public static func lines(title: String, series: [ChartSeries], xLabel: String, yLabel: String, xLog: Bool = false,
                             yLog: Bool = false, xFormat: (Double) -> String, yFormat: (Double) -> String) -> String {
        let ys = series.flatMap { $0.points.map(\.y) } + series.flatMap { $0.yBounds.compactMap { $0 }.flatMap { [$0.lower, $0.upper] } }
        var c = plotArea(xs: series.flatMap { $0.points.map(\.x) }, ys: ys, legend: series.map(\.name),
                         xLogBase: xLog ? 2 : nil, yLog: yLog, xLabel: xLabel, yLabel: yLabel, xFormat: xFormat, yFormat: yFormat)
        for (i, s) in series.enumerated() {
            let color = SVGCanvas.palette[i % SVGCanvas.palette.count], style = SeriesStyle.at(i)
            let path = s.points.map { "\(c.x($0.x)),\(c.y($0.y))" }.joined(separator: " ")
            c.add(##"<g class="series">"##)
            c.add(##"<polyline points="\##(path)" fill="none" stroke="\##(color)" stroke-width="2"\##(dashAttribute(style.dash))/>"##)
            for (k, p) in s.points.enumerated() {
                let tip = k < s.labels.count ? s.labels[k] : "\(s.name): \(xFormat(p.x)), \(yFormat(p.y))"
                if let b = s.yBounds(at: k) {
                    c.verticalWhisker(x: c.x(p.x), from: c.y(b.lower), to: c.y(b.upper), cap: pointCap, color: color,
                                      tip: "\(tip): \(yFormat(b.lower)) to \(yFormat(b.upper))")
                }
                c.add(SVGCanvas.marker(style.marker, x: c.x(p.x), y: c.y(p.y), r: 3.5, color: color, tip: tip))
            }
            c.add("</g>")
        }
        c.legend(series.indices.map {
            let style = SeriesStyle.at($0)
            return .series(color: SVGCanvas.palette[$0 % SVGCanvas.palette.count], marker: style.marker, dash: style.dash)
        })
        return c.svg(title: title)
    }

    /// A scatter plot: one marker style per group; groups with `connect` are joined by a line in x order; points with
    /// bounds get a horizontal (x) or vertical (y) whisker under their marker.
    ///
    /// Group `i` without its own marker or colour takes `SeriesStyle.at(i)`'s marker and palette colour `i`; a
    /// connecting line takes `SeriesStyle.at(i)`'s dash. Each group is one `<g class="series">`.
    public static func scatter(title: String, groups: [ScatterGroup], xLabel: String, yLabel: String, xLog: Bool = false,
                               yLog: Bool = false, xFormat: (Double) -> String, yFormat: (Double) -> String) -> String {
        func ends(_ bounds: [ErrorBounds?]) -> [Double] { bounds.compactMap { $0 }.flatMap { [$0.lower, $0.upper] } }
        let xs = groups.flatMap { $0.points.map(\.x) } + groups.flatMap { ends($0.xBounds) }
        let ys = groups.flatMap { $0.points.map(\.y) } + groups.flatMap { ends($0.yBounds) }
        var c = plotArea(xs: xs, ys: ys, legend: groups.map(\.name),
                         xLogBase: xLog ? 10 : nil, yLog: yLog, xLabel: xLabel, yLabel: yLabel, xFormat: xFormat, yFormat: yFormat)
        for (i, g) in groups.enumerated() {
            let color = g.color ?? SVGCanvas.palette[i % SVGCanvas.palette.count]
            let marker = g.marker ?? SeriesStyle.at(i).marker
            c.add(##"<g class="series">"##)
            if g.connect, g.points.count > 1 {
                let path = g.points.sorted { $0.x < $1.x }.map { "\(c.x($0.x)),\(c.y($0.y))" }.joined(separator: " ")
                c.add(##"<polyline points="\##(path)" fill="none" stroke="\##(color)" stroke-width="1.5"\##(dashAttribute(SeriesStyle.at(i).dash))/>"##)
            }
            for (k, p) in g.points.enumerated() {
                let plain = k < g.labels.count ? g.labels[k] : "\(g.name): \(xFormat(p.x)), \(yFormat(p.y))"
                let (px, py, r) = (c.x(p.x), c.y(p.y), g.radius)
                if let b = g.xBounds(at: k) {
                    c.horizontalWhisker(y: py, from: c.x(b.lower), to: c.x(b.upper), cap: pointCap, color: color,
                                        tip: "\(plain): \(xFormat(b.lower)) to \(xFormat(b.upper))")
                }
                if let b = g.yBounds(at: k) {
                    c.verticalWhisker(x: px, from: c.y(b.lower), to: c.y(b.upper), cap: pointCap, color: color,
                                      tip: "\(plain): \(yFormat(b.lower)) to \(yFormat(b.upper))")
                }
                c.add(SVGCanvas.marker(marker, x: px, y: py, r: r, color: color, tip: plain))
            }
            c.add("</g>")
        }
        c.legend(groups.enumerated().map { i, g in
            .series(color: g.color ?? SVGCanvas.palette[i % SVGCanvas.palette.count], marker: g.marker ?? SeriesStyle.at(i).marker,
                    dash: g.connect ? SeriesStyle.at(i).dash : nil)
        })
        return c.svg(title: title)
    }

    /// ` stroke-dasharray="…"` for a non-empty dash pattern, nothing for a solid line.
    private static func dashAttribute(_ dash: String) -> String {
        dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##
    }

    /// A canvas with axes fitted to the data and room for `legend`: log x in `xLogBase` (2 or 10) when given, log-10 y
    /// on request.
    private static func plotArea(xs: [Double], ys: [Double], legend: [String], xLogBase: Double?, yLog: Bool, xLabel: String, yLabel: String,
                                 xFormat: (Double) -> String, yFormat: (Double) -> String) -> SVGCanvas {
        var c = SVGCanvas(legend: legend)
        let (xRange, xTicks) = axis(xs, logBase: xLogBase)
        let (yRange, yTicks) = axis(ys, logBase: yLog ? 10 : nil)
        c.xRange = xRange
        c.yRange = yRange
        c.xLog = xLogBase != nil
        c.yLog = yLog
        c.axes(xTicks: xTicks, yTicks: yTicks, xLabel: xLabel, yLabel: yLabel, xFormat: xFormat, yFormat: yFormat)
        return c
    }

    /// The range and ticks of an axis over `values`: whole powers of `logBase` on a log
    /// axis (base 2 or 10, whose logarithms are exact at their powers), nice linear steps
    /// from zero (or below) otherwise.
    private static func axis(_ values: [Double], logBase: Double?) -> (range: (Double, Double), ticks: [Double]) {
        guard let base = logBase else {
            let s = NiceScale(min: min(0, values.min() ?? 0), max: values.max() ?? 1)
            return ((s.lower, s.upper), s.ticks)
        }
        func exponent(_ v: Double) -> Double { base == 2 ? log2(max(v, 1e-12)) : log10(max(v, 1e-12)) }
        let lo = floor(exponent(values.min() ?? 1)), hi = max(ceil(exponent(values.max() ?? base)), lo + 1)
        return ((pow(base, lo), pow(base, hi)), stride(from: lo, through: hi, by: 1).map { pow(base, $0) })
    }

    /// A timeline: one row per lane, one coloured span per activity.
    ///
    /// - Parameter spans: `(lane, start, end, category)`; categories pick the colour.
    public static func gantt(title: String, lanes: [String], spans: [(lane: Int, start: Double, end: Double, category: String)],
                             categories: [String], format: (Double) -> String) -> String {
        let row = 18.0
        var c = SVGCanvas(width: 860, height: 90 + Double(lanes.count) * (row + 4), legend: categories)
        let t0 = spans.map(\.start).min() ?? 0, t1 = spans.map(\.end).max() ?? 1
        let scale = NiceScale(min: 0, max: t1 - t0)
        c.xRange = (0, scale.upper)
        c.axes(xTicks: scale.ticks, yTicks: [], xLabel: "time since iteration start", yLabel: "",
               xFormat: format, yFormat: { _ in "" })
        for (i, lane) in lanes.enumerated() {
            c.add(##"<text x="\##(c.left - 6)" y="\##(c.top + 6 + Double(i) * (row + 4) + row * 0.7)" text-anchor="end" font-size="10">\##(SVGCanvas.escape(lane))</text>"##)
        }
        for s in spans {
            let j = categories.firstIndex(of: s.category) ?? 0
            let color = SVGCanvas.palette[j % SVGCanvas.palette.count]
            let yTop = c.top + 6 + Double(s.lane) * (row + 4)
            c.add(##"<rect x="\##(c.x(s.start - t0))" y="\##(yTop)" width="\##(max(0.5, c.x(s.end - t0) - c.x(s.start - t0)))" height="\##(row)" fill="\##(color)"><title>\##(SVGCanvas.escape("\(s.category) \(format(s.end - s.start))"))</title></rect>"##)
        }
        c.legend(categories.indices.map { .swatch(color: SVGCanvas.palette[$0 % SVGCanvas.palette.count]) })
        return c.svg(title: title)
    }
}
