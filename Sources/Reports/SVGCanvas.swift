import Foundation

/// Accumulates SVG elements for a chart with a plot area, axes, title and legend.
///
/// Coordinates are in pixels; `x(_:)`/`y(_:)` map data to the plot area through linear
/// or log10 scales.
///
/// Invariant: the legend lives in the right margin, right of the plot frame, and its text is never cut: the names
/// given at init are measured (`textWidth`), wrapped at spaces when wider than `legendTextWidth`, and the margin and
/// the SVG grow to hold them (the plot keeps its size), as does the height when the entries are taller than the plot.
public struct SVGCanvas {
    public let width: Double, height: Double
    public let left = 78.0, top = 36.0, bottom = 52.0
    /// The right margin: at least 150 pixels, more when the legend needs it.
    public let right: Double
    public var xRange: (Double, Double) = (0, 1)
    public var yRange: (Double, Double) = (0, 1)
    public var xLog = false, yLog = false
    private var body: [String] = []
    /// The legend's entries as laid out at init: each name's lines, in order.
    private let legendLines: [[String]]

    /// The Tableau 10 palette.
    public static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                                 "#ff9da7", "#9c755f", "#bab0ac"]

    /// The font size of legend, tick and axis text (the SVG's default), in pixels.
    public static let fontSize = 11.0
    /// The widest a legend line may be before its name wraps at a space, in pixels.
    public static let legendTextWidth = 240.0
    /// Pixels between a legend entry's lines, and between the first lines of two one-line entries.
    static let legendLineHeight = 14.0, legendEntryHeight = 18.0
    /// The legend's key column: the key starts `legendGap` right of the plot and the text `legendTextOffset` right of it.
    static let legendGap = 12.0, legendTextOffset = 28.0

    /// A canvas of at least `width` by `height` pixels whose legend will list `legend` (draw it with `legend(_:)`).
    public init(width: Double = 720, height: Double = 360, legend: [String] = []) {
        let lines = legend.map { Self.wrap($0, width: Self.legendTextWidth, fontSize: Self.fontSize) }
        let widest = lines.joined().map { Self.textWidth($0, fontSize: Self.fontSize) }.max() ?? 0
        // 8 pixels of white right of the widest line, so antialiasing never touches the SVG's edge.
        right = max(150, Self.legendGap + Self.legendTextOffset + widest.rounded(.up) + 8)
        self.width = width - 150 + right
        let entries = lines.reduce(0) { $0 + Self.legendEntryHeight + Double($1.count - 1) * Self.legendLineHeight }
        self.height = max(height, top + 8 + entries + bottom)
        legendLines = lines
    }

    /// The estimated advance width of `text` in Helvetica/Arial at `fontSize` pixels.
    ///
    /// Per-character widths in ems, grouped from Helvetica's metrics and rounded up so the estimate errs wide (a box
    /// drawn from it holds the real text): 0.28 for the narrowest (`i l j I . , : ; ' | !` and space), 0.34 for
    /// `f t r ( ) [ ] / -`, 0.95 for `m w M W % @`, 0.72 for other capitals, 1.0 for anything outside ASCII (CJK,
    /// symbols), 0.6 for the rest (lower case, digits, `= + _`).
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for ch in text.unicodeScalars {
            switch ch {
            case " ", "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!": ems += 0.28
            case "f", "t", "r", "(", ")", "[", "]", "/", "-": ems += 0.34
            case "m", "w", "M", "W", "%", "@": ems += 0.95
            case "A"..."Z": ems += 0.72
            case _ where !ch.isASCII: ems += 1.0
            default: ems += 0.6
            }
        }
        return ems * fontSize
    }

    /// `text` broken at spaces into lines no wider than `width` where possible; a word wider than `width` gets a line
    /// of its own, whole (text is never cut). Joining the lines with spaces gives `text` back.
    public static func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if !line.isEmpty, textWidth(candidate, fontSize: fontSize) > width {
                lines.append(line)
                line = word
            } else {
                line = candidate
            }
        }
        return lines + [line]
    }

    /// Plot-area pixel x of a data value.
    public func x(_ v: Double) -> Double {
        let (a, b) = xLog ? (log10(xRange.0), log10(xRange.1)) : xRange
        let t = ((xLog ? log10(max(v, 1e-300)) : v) - a) / (b - a == 0 ? 1 : b - a)
        return left + t * (width - left - right)
    }

    /// Plot-area pixel y of a data value.
    public func y(_ v: Double) -> Double {
        let (a, b) = yLog ? (log10(yRange.0), log10(yRange.1)) : yRange
        let t = ((yLog ? log10(max(v, 1e-300)) : v) - a) / (b - a == 0 ? 1 : b - a)
        return height - bottom - t * (height - top - bottom)
    }

    /// Appends raw SVG.
    public mutating func add(_ element: String) { body.append(element) }

    /// Draws an error bar along y at pixel column `x`: a line from pixel row `y1` to `y2` with a horizontal cap of
    /// `cap` pixels either side at each end, and `tip` as its tooltip. One `<path class="whisker">` element.
    public mutating func verticalWhisker(x: Double, from y1: Double, to y2: Double, cap: Double, color: String, tip: String) {
        add(##"<path class="whisker" d="M\##(x),\##(y1)L\##(x),\##(y2)M\##(x - cap),\##(y1)L\##(x + cap),\##(y1)M\##(x - cap),\##(y2)L\##(x + cap),\##(y2)" fill="none" stroke="\##(color)" stroke-width="1.2"><title>\##(Self.escape(tip))</title></path>"##)
    }

    /// Draws an error bar along x at pixel row `y`: a line from pixel column `x1` to `x2` with a vertical cap of
    /// `cap` pixels either side at each end, and `tip` as its tooltip. One `<path class="whisker">` element.
    public mutating func horizontalWhisker(y: Double, from x1: Double, to x2: Double, cap: Double, color: String, tip: String) {
        add(##"<path class="whisker" d="M\##(x1),\##(y)L\##(x2),\##(y)M\##(x1),\##(y - cap)L\##(x1),\##(y + cap)M\##(x2),\##(y - cap)L\##(x2),\##(y + cap)" fill="none" stroke="\##(color)" stroke-width="1.2"><title>\##(Self.escape(tip))</title></path>"##)
    }

    /// XML-escapes text.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Draws the frame, ticks, tick labels and axis titles.
    public mutating func axes(xTicks: [Double], yTicks: [Double], xLabel: String, yLabel: String,
                              xFormat: (Double) -> String, yFormat: (Double) -> String) {
        let pw = width - left - right, ph = height - top - bottom
        for t in yTicks {
            add(##"<line x1="\##(left)" y1="\##(y(t))" x2="\##(left + pw)" y2="\##(y(t))" stroke="#e5e5e5"/>"##)
            add(##"<text x="\##(left - 6)" y="\##(y(t) + 4)" text-anchor="end">\##(Self.escape(yFormat(t)))</text>"##)
        }
        for t in xTicks {
            add(##"<line x1="\##(x(t))" y1="\##(top + ph)" x2="\##(x(t))" y2="\##(top + ph + 5)" stroke="#333"/>"##)
            add(##"<text x="\##(x(t))" y="\##(top + ph + 18)" text-anchor="middle">\##(Self.escape(xFormat(t)))</text>"##)
        }
        add(##"<rect class="frame" x="\##(left)" y="\##(top)" width="\##(pw)" height="\##(ph)" fill="none" stroke="#333"/>"##)
        add(##"<text x="\##(left + pw / 2)" y="\##(height - 12)" text-anchor="middle">\##(Self.escape(xLabel))</text>"##)
        add(##"<text transform="translate(16 \##(top + ph / 2)) rotate(-90)" text-anchor="middle">\##(Self.escape(yLabel))</text>"##)
    }

    /// The key drawn left of a legend entry's text.
    public enum LegendKey {
        /// A filled square (bar segments, timeline categories).
        case swatch(color: String)
        /// A short line in `dash` (`""` solid) with `marker` at its middle, as the series draws (nil dash: marker only).
        case series(color: String, marker: ScatterGroup.Marker, dash: String?)
    }

    /// Draws the legend right of the plot: one entry per name given at init, with `keys[i]` left of name `i`; a
    /// wrapped name's lines stack under each other. One `<g class="legend">` holding the whole legend, whose full
    /// names are the entries' tooltips.
    public mutating func legend(_ keys: [LegendKey]) {
        let kx = width - right + Self.legendGap, tx = kx + Self.legendTextOffset
        var ly = top + 8
        var parts: [String] = []
        for (i, lines) in legendLines.enumerated() {
            let key = i < keys.count ? keys[i] : .swatch(color: Self.palette[i % Self.palette.count])
            var entry = "<g><title>\(Self.escape(lines.joined(separator: " ")))</title>"
            switch key {
            case .swatch(let color):
                entry += ##"<rect x="\##(kx)" y="\##(ly - 9)" width="11" height="11" fill="\##(color)"/>"##
            case .series(let color, let marker, let dash):
                if let dash {
                    let dashed = dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##
                    entry += ##"<line x1="\##(kx)" y1="\##(ly - 3.5)" x2="\##(kx + 22)" y2="\##(ly - 3.5)" stroke="\##(color)" stroke-width="2"\##(dashed)/>"##
                }
                entry += Self.marker(marker, x: kx + 11, y: ly - 3.5, r: 3.5, color: color, tip: nil)
            }
            for (k, line) in lines.enumerated() {
                entry += ##"<text x="\##(tx)" y="\##(ly + Double(k) * Self.legendLineHeight)">\##(Self.escape(line))</text>"##
            }
            parts.append(entry + "</g>")
            ly += Self.legendEntryHeight + Double(lines.count - 1) * Self.legendLineHeight
        }
        if !parts.isEmpty { add(##"<g class="legend">"## + "\n" + parts.joined(separator: "\n") + "\n</g>") }
    }

    /// One marker of shape `m` centred at (`x`, `y`) with radius `r`, as an SVG element with `class="marker-<shape>"`
    /// and `tip` as its tooltip. Filled shapes fill with `color`; the cross and plus are stroked in it.
    public static func marker(_ m: ScatterGroup.Marker, x: Double, y: Double, r: Double, color: String, tip: String?) -> String {
        let title = tip.map { "<title>\(escape($0))</title>" } ?? ""
        let cls = "marker-\(m.rawValue)"
        func close(_ tag: String) -> String { title.isEmpty ? "/>" : ">\(title)</\(tag)>" }
        switch m {
        case .dot:
            return ##"<circle class="\##(cls)" cx="\##(x)" cy="\##(y)" r="\##(r)" fill="\##(color)""## + close("circle")
        case .square:
            let h = r * 0.9  // the square's area is close to the dot's
            return ##"<rect class="\##(cls)" x="\##(x - h)" y="\##(y - h)" width="\##(2 * h)" height="\##(2 * h)" fill="\##(color)""## + close("rect")
        case .triangle, .triangleDown:
            let s = m == .triangle ? 1.0 : -1.0
            return ##"<path class="\##(cls)" d="M\##(x),\##(y - s * r * 1.2)L\##(x + r * 1.1),\##(y + s * r * 0.8)L\##(x - r * 1.1),\##(y + s * r * 0.8)Z" fill="\##(color)""## + close("path")
        case .diamond:
            let d = r * 1.25
            return ##"<path class="\##(cls)" d="M\##(x),\##(y - d)L\##(x + d),\##(y)L\##(x),\##(y + d)L\##(x - d),\##(y)Z" fill="\##(color)""## + close("path")
        case .cross:
            return ##"<path class="\##(cls)" d="M\##(x - r),\##(y - r)L\##(x + r),\##(y + r)M\##(x - r),\##(y + r)L\##(x + r),\##(y - r)" stroke="\##(color)" stroke-width="1.5""## + close("path")
        case .plus:
            let p = r * 1.2
            return ##"<path class="\##(cls)" d="M\##(x - p),\##(y)L\##(x + p),\##(y)M\##(x),\##(y - p)L\##(x),\##(y + p)" stroke="\##(color)" stroke-width="1.5""## + close("path")
        }
    }

    /// The finished SVG document with a title.
    public func svg(title: String) -> String {
        var s = ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(Int(width))" height="\##(Int(height))" "##
            + ##"viewBox="0 0 \##(Int(width)) \##(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="11">"##
            + "\n"
        s += ##"<rect width="100%" height="100%" fill="white"/>"## + "\n"
        s += ##"<text x="\##(left)" y="22" font-size="14" font-weight="bold">\##(Self.escape(title))</text>"## + "\n"
        return s + body.joined(separator: "\n") + "\n</svg>\n"
    }
}
