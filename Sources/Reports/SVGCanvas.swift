import Foundation

/// Accumulates SVG elements for a chart with a plot area, axes, title and legend.
///
/// Coordinates are in pixels; `x(_:)`/`y(_:)` map data to the plot area through linear
/// or log10 scales.
public struct SVGCanvas {
    public let width: Double, height: Double
    public let left = 78.0, right = 150.0, top = 36.0, bottom = 52.0
    public var xRange: (Double, Double) = (0, 1)
    public var yRange: (Double, Double) = (0, 1)
    public var xLog = false, yLog = false
    private var body: [String] = []

    /// The Tableau 10 palette.
    public static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                                 "#ff9da7", "#9c755f", "#bab0ac"]

    public init(width: Double = 720, height: Double = 360) {
        self.width = width
        self.height = height
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
        add(##"<rect x="\##(left)" y="\##(top)" width="\##(pw)" height="\##(ph)" fill="none" stroke="#333"/>"##)
        add(##"<text x="\##(left + pw / 2)" y="\##(height - 12)" text-anchor="middle">\##(Self.escape(xLabel))</text>"##)
        add(##"<text transform="translate(16 \##(top + ph / 2)) rotate(-90)" text-anchor="middle">\##(Self.escape(yLabel))</text>"##)
    }

    /// Draws a legend of coloured squares at the right of the plot (palette colours unless `colors` gives them).
    public mutating func legend(_ names: [String], colors: [String]? = nil) {
        for (i, name) in names.enumerated() {
            let ly = top + 8 + Double(i) * 18
            let color = colors.map { $0[i] } ?? Self.palette[i % Self.palette.count]
            add(##"<rect x="\##(width - right + 12)" y="\##(ly - 9)" width="11" height="11" fill="\##(color)"/>"##)
            add(##"<text x="\##(width - right + 28)" y="\##(ly)">\##(Self.escape(name))</text>"##)
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
