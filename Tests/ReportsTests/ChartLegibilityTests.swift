import Foundation
import Reports
import Testing

/// Charts as a reader sees them: legend names whole and clear of the plot, labels never over bars or each other,
/// series told apart by marker and dash as well as colour.
///
/// Text boxes are estimated from `SVGCanvas.textWidth` (which errs wide) and the font size: from 0.8 of it above the
/// baseline (Helvetica's capitals and ascenders) to 0.2 below (descenders).
@Suite struct ChartLegibilityTests {
    /// An axis-aligned box in SVG pixels.
    struct Box: CustomStringConvertible {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var text = ""
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        var description: String { "\(text.isEmpty ? "box" : text) [\(x0), \(y0)]-[\(x1), \(y1)]" }
    }

    /// The value of attribute `name` in the start tag `tag`.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }

    /// Undoes `SVGCanvas.escape`.
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The estimated box of every unrotated `<text>` in `svg` (the rotated y-axis title is left out).
    static func textBoxes(_ svg: String) -> [Box] {
        svg.components(separatedBy: "<text").dropFirst().compactMap { part -> Box? in
            guard let close = part.firstIndex(of: ">") else { return nil }
            let tag = part[..<close]
            guard !tag.contains("transform="), let x = attribute("x", in: tag).flatMap(Double.init),
                  let y = attribute("y", in: tag).flatMap(Double.init) else { return nil }
            let content = unescape(String(part[part.index(after: close)...].prefix { $0 != "<" }))
            let size = attribute("font-size", in: tag).flatMap(Double.init) ?? SVGCanvas.fontSize
            let w = SVGCanvas.textWidth(content, fontSize: size)
            let x0 = switch attribute("text-anchor", in: tag) { case "middle": x - w / 2; case "end": x - w; default: x }
            return Box(x0: x0, y0: y - 0.8 * size, x1: x0 + w, y1: y + 0.2 * size, text: content)
        }
    }

    /// The boxes of the `<rect>`s with a tooltip in `svg`: the bars' segments.
    static func barBoxes(_ svg: String) -> [Box] {
        svg.components(separatedBy: "<rect").dropFirst().compactMap { part -> Box? in
            guard let close = part.firstIndex(of: ">"), part[part.index(after: close)...].hasPrefix("<title>") else { return nil }
            let tag = part[..<close]
            let v = ["x", "y", "width", "height"].compactMap { attribute($0, in: tag).flatMap(Double.init) }
            return v.count == 4 ? Box(x0: v[0], y0: v[1], x1: v[0] + v[2], y1: v[1] + v[3]) : nil
        }
    }

    /// The plot frame's box and the SVG's width and height.
    static func frame(_ svg: String) throws -> (plot: Box, width: Double, height: Double) {
        let tag = try #require(svg.components(separatedBy: "<rect class=\"frame\"").dropFirst().first).prefix { $0 != ">" }
        let v = ["x", "y", "width", "height"].compactMap { attribute($0, in: tag).flatMap(Double.init) }
        try #require(v.count == 4)
        let head = svg.prefix { $0 != ">" }
        let w = try #require(attribute("width", in: head).flatMap(Double.init))
        let h = try #require(attribute("height", in: head).flatMap(Double.init))
        return (Box(x0: v[0], y0: v[1], x1: v[0] + v[2], y1: v[1] + v[3]), w, h)
    }

    /// The legend's part of `svg`.
    static func legend(_ svg: String) throws -> String {
        let start = try #require(svg.range(of: "<g class=\"legend\">"))
        return String(svg[start.lowerBound...]).components(separatedBy: "\n</g>")[0]
    }

    /// A sweep-style scaling chart whose series are named by their axes' values.
    static func sweepLines(_ names: [String]) -> String {
        Charts.lines(title: "Throughput", series: names.enumerated().map { i, name in
            ChartSeries(name: name, points: [(8, Double(10 + i)), (16, Double(18 + i)), (32, Double(30 + i))])
        }, xLabel: "devices", yLabel: "samples/s", xLog: true, xFormat: { String(Int($0)) }, yFormat: { String(format: "%g", $0) })
    }

    /// The compare page's iteration-time chart, three runs with long names and a whisker each.
    static let compareBars = Charts.stackedBars(
        title: "Where a steady-state iteration goes (mean over devices)",
        categories: ["dgx-a100-4node-biggan128-hdr", "dgx-a100-4node-biggan128-25gbe", "a100x64-biggan256-hdr"],
        components: ["compute", "exposed communication", "data stall", "idle"],
        values: [[120, 10, 0, 4], [120, 80, 0, 6], [300, 25, 2, 3]],
        bounds: [ErrorBounds(lower: 125, upper: 140), nil, ErrorBounds(lower: 320, upper: 345)],
        unit: "milliseconds per iteration", format: { String(format: "%g", $0) })

    @Test func aLongSeriesNameAppearsWholeInTheLegend() throws {
        // Names like the sweep page's, longer than the 150-pixel margin held (it cut them to `device=h100, fabric=ethe`).
        let names = ["device=h100, fabric=ethernet-400g", "device=a100, fabric=infiniband-hdr"]
        let svg = Self.sweepLines(names)
        let legend = try Self.legend(svg)
        for name in names { #expect(legend.contains(">\(name)</text>"), "\(name) cut or wrapped") }
        // Wider than a legend line may be: wrapped at spaces, every word kept, the whole name as the tooltip.
        let long = "device=h100, fabric=ethernet-400g, precision=fp8, batch=256, accumulation=4, pipeline=interleaved-1f1b"
        let wrapped = try Self.legend(Self.sweepLines([long, "short"]))
        #expect(wrapped.contains("<title>\(long)</title>"))
        let lines = Self.textBoxes(wrapped).map(\.text)
        #expect(lines.count > 2 && lines.dropLast().joined(separator: " ") == long)
    }

    @Test(arguments: [0, 1, 2, 3])
    func legendsStayRightOfThePlotAndInsideTheSVG(chart: Int) throws {
        let long = "device=h100, fabric=ethernet-400g, precision=fp8, batch=256, accumulation=4, pipeline=interleaved-1f1b"
        let svg = switch chart {
        case 0: Self.sweepLines((0..<14).map { "device=h100, fabric=ethernet-\($0 * 100)g" } + [long])
        case 1: Self.compareBars
        case 2: Charts.scatter(title: "Time against cost", groups: [
            ScatterGroup(name: "fits", points: [(1, 2), (3, 4)]),
            ScatterGroup(name: "out of memory (never recommended)", points: [(2, 2)], marker: .cross),
            ScatterGroup(name: long, points: [(1, 3), (2, 1)], connect: true),
        ], xLabel: "h", yLabel: "USD", xFormat: { "\($0)" }, yFormat: { "\($0)" })
        default: Charts.gantt(title: "Iteration 1", lanes: ["device 0", "all-reduce"],
                              spans: [(0, 0, 1, "compute"), (1, 0.5, 1.5, "communication (overlapped with compute)")],
                              categories: ["compute", "communication (overlapped with compute)"], format: { "\($0)" })
        }
        let (plot, width, height) = try Self.frame(svg)
        let boxes = Self.textBoxes(try Self.legend(svg))
        #expect(!boxes.isEmpty)
        for b in boxes {
            #expect(b.x0 > plot.x1 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height, "\(b) against plot \(plot) in \(width)x\(height)")
        }
        for (i, a) in boxes.enumerated() { for b in boxes[(i + 1)...] { #expect(!a.overlaps(b), "\(a) over \(b)") } }
    }

    @Test func compareBarLabelsOverlapNeitherEachOtherNorTheBars() {
        let texts = Self.textBoxes(Self.compareBars), bars = Self.barBoxes(Self.compareBars)
        #expect(texts.count >= 3 + 4 + 2 && bars.count == 10)  // title, ticks, axis title; 3 labels; 4 legend names; 10 non-zero segments
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] { #expect(!a.overlaps(b), "\(a) over \(b)") }
            for bar in bars { #expect(!a.overlaps(bar), "\(a) over bar \(bar)") }
        }
    }

    /// The (marker, dash) of each `<g class="series">` in `svg`: its first marker's shape and its line's dash.
    static func styles(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g class=\"series\">").dropFirst().map { group in
            let body = group.components(separatedBy: "</g>")[0]
            let marker = body.components(separatedBy: "class=\"marker-").dropFirst().first?.prefix { $0 != "\"" } ?? "none"
            let dash = body.components(separatedBy: "stroke-dasharray=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "solid"
            return "\(marker) \(dash)"
        }
    }

    @Test func everySeriesHasItsOwnMarkerAndDash() {
        let styles = Self.styles(Self.sweepLines((0..<12).map { "device=h100, nodes=\($0)" }))
        #expect(styles.count == 12 && Set(styles).count == 12, "\(styles)")
        // The first 28 styles are pairwise distinct; the sequence is fixed.
        #expect(Set((0..<28).map(SeriesStyle.at)).count == 28)
        #expect(SeriesStyle.at(0) == SeriesStyle(marker: .dot, dash: "") && SeriesStyle.at(29) == SeriesStyle.at(1))
        // Scatter groups take the sequence's marker unless they bring their own; a connecting line takes its dash.
        let scatter = Charts.scatter(title: "s", groups: [
            ScatterGroup(name: "a", points: [(1, 1), (2, 2)], connect: true),
            ScatterGroup(name: "b", points: [(1, 2), (2, 3)], connect: true),
            ScatterGroup(name: "c", points: [(1, 3)], marker: .cross),
        ], xLabel: "x", yLabel: "y", xFormat: { "\($0)" }, yFormat: { "\($0)" })
        #expect(Self.styles(scatter) == ["dot solid", "square 6 3", "cross solid"])
    }

    @Test func chartsAreDeterministic() {
        #expect(Self.sweepLines(["a", "b b b"]) == Self.sweepLines(["a", "b b b"]))
        #expect(Self.compareBars == Charts.stackedBars(
            title: "Where a steady-state iteration goes (mean over devices)",
            categories: ["dgx-a100-4node-biggan128-hdr", "dgx-a100-4node-biggan128-25gbe", "a100x64-biggan256-hdr"],
            components: ["compute", "exposed communication", "data stall", "idle"],
            values: [[120, 10, 0, 4], [120, 80, 0, 6], [300, 25, 2, 3]],
            bounds: [ErrorBounds(lower: 125, upper: 140), nil, ErrorBounds(lower: 320, upper: 345)],
            unit: "milliseconds per iteration", format: { String(format: "%g", $0) }))
    }

    @Test func textWidthIsAnEstimateThatErrsWide() {
        #expect(SVGCanvas.textWidth("", fontSize: 11) == 0)
        #expect(SVGCanvas.textWidth("iiii", fontSize: 10) < SVGCanvas.textWidth("mmmm", fontSize: 10))
        #expect(abs(SVGCanvas.textWidth("device", fontSize: 10) - (4 * 0.6 + 0.28 + 0.6) * 10) < 1e-9)
        #expect(SVGCanvas.wrap("a b", width: 1000, fontSize: 11) == ["a b"])
        #expect(SVGCanvas.wrap("averyveryverylongword x", width: 20, fontSize: 11) == ["averyveryverylongword", "x"])
    }
}
