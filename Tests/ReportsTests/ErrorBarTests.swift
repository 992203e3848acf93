import Foundation
import Reports
import TestSupport
import Testing

/// Error bars in charts: whiskers where points or bars carry bounds, at the pixels their values map to, inside the
/// axes; and not a byte changed where none do.
@Suite struct ErrorBarTests {
    /// Tick and tooltip numbers, e.g. `7.5`.
    static func format(_ v: Double) -> String { String(format: "%g", v) }

    /// The bars of `UnboundedChartGoldens.bars`, with `bounds` per bar.
    static func bars(bounds: [ErrorBounds?] = []) -> String {
        Charts.stackedBars(title: "Iteration", categories: ["a", "b"], components: ["compute", "idle"],
                           values: [[1, 2], [3, 0.5]], bounds: bounds, unit: "s", format: format)
    }

    /// The lines of `UnboundedChartGoldens.lines`, with `bounds` on the first series.
    static func lines(bounds: [ErrorBounds?] = []) -> String {
        Charts.lines(title: "Lines", series: [ChartSeries(name: "s", points: [(0, 5), (5, 10), (10, 7.5)], yBounds: bounds),
                                              ChartSeries(name: "t", points: [(0, 2), (10, 4)], labels: ["first", "second"])],
                     xLabel: "x", yLabel: "y", xFormat: format, yFormat: format)
    }

    /// The scatter of `UnboundedChartGoldens.scatter`, with bounds on the first group.
    static func scatter(xBounds: [ErrorBounds?] = [], yBounds: [ErrorBounds?] = []) -> String {
        Charts.scatter(title: "Scatter", groups: [
            ScatterGroup(name: "fits", points: [(2, 5), (6, 10)], labels: ["p", "q"], radius: 2, color: "#9aa5b1",
                         xBounds: xBounds, yBounds: yBounds),
            ScatterGroup(name: "front", points: [(4, 3), (1, 8)], radius: 4, connect: true),
            ScatterGroup(name: "oom", points: [(7, 1)], marker: .cross, radius: 3),
        ], xLabel: "time", yLabel: "cost", xFormat: format, yFormat: format)
    }

    /// The `d` attributes of every whisker in `svg`, in drawing order.
    static func whiskers(_ svg: String) -> [String] {
        svg.components(separatedBy: "<path class=\"whisker\" d=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The coordinates of a whisker's `d` attribute, as (x, y) pairs in order.
    static func coordinates(_ d: String) -> [(Double, Double)] {
        d.split(whereSeparator: { $0 == "M" || $0 == "L" }).map { pair in
            let xy = pair.split(separator: ",").map { Double($0)! }
            return (xy[0], xy[1])
        }
    }

    @Test func chartsWithoutBoundsRenderAsBeforeBoundsExisted() {
        #expect(Self.bars() == UnboundedChartGoldens.bars)
        #expect(Self.lines() == UnboundedChartGoldens.lines)
        #expect(Self.scatter() == UnboundedChartGoldens.scatter)
        // Bounds that are all nil are no bounds.
        #expect(Self.bars(bounds: [nil, nil]) == UnboundedChartGoldens.bars)
        #expect(Self.lines(bounds: [nil, nil, nil]) == UnboundedChartGoldens.lines)
        #expect(Self.scatter(xBounds: [nil], yBounds: [nil, nil]) == UnboundedChartGoldens.scatter)
        for svg in [Self.bars(), Self.lines(), Self.scatter()] { #expect(!svg.contains("whisker")) }
    }

    /// Linear axes 0...10 (x) and 0...20 (y, widened from 10 by the bound 17.5) on the 720 x 360 canvas: the plot
    /// spans x 78...570 and y 308...36, so x 5 is at 324 and y 7.5 and 17.5 at 206 and 70.
    @Test func lineWhiskerIsVerticalAtThePointWithCapsAtBothBounds() {
        let svg = Self.lines(bounds: [nil, ErrorBounds(lower: 7.5, upper: 17.5)])
        #expect(Self.whiskers(svg) == ["M324.0,206.0L324.0,70.0M320.0,206.0L328.0,206.0M320.0,70.0L328.0,70.0"])
        #expect(svg.contains(##"fill="none" stroke="#4e79a7" stroke-width="1.2"><title>s: 5, 10: 7.5 to 17.5</title></path>"##))
        // The axis reaches the upper bound: a tick at 20, which the values alone (at most 10) do not need.
        #expect(svg.contains(">20</text>") && !Self.lines().contains(">20</text>"))
        // The whisker is drawn under its marker.
        let whisker = svg.range(of: "class=\"whisker\"")!, marker = svg.range(of: ##"<circle class="marker-dot" cx="324.0""##)!
        #expect(whisker.lowerBound < marker.lowerBound)
    }

    /// x bounds 1...8 widen nothing (the axis is 0...8 from the point at 6 and the bound at 8 alike): x 1 and 8 are at
    /// 78 + 492/8 = 139.5 and 570; y 5 (of 0...10) at 172; y bounds 8...10 at 90.4 and 36 (tolerance: 8/10 is inexact).
    @Test func scatterWhiskersFollowTheirAxis() {
        let horizontal = Self.scatter(xBounds: [ErrorBounds(lower: 1, upper: 8)])
        #expect(Self.whiskers(horizontal) == ["M139.5,172.0L570.0,172.0M139.5,168.0L139.5,176.0M570.0,168.0L570.0,176.0"])
        #expect(horizontal.contains("<title>p: 1 to 8</title>"))
        let vertical = Self.scatter(yBounds: [nil, ErrorBounds(lower: 10, upper: 8)])
        let d = Self.whiskers(vertical)
        #expect(d.count == 1)
        let expected: [(Double, Double)] = [(447, 90.4), (447, 36), (443, 90.4), (451, 90.4), (443, 36), (451, 36)]
        let got = Self.coordinates(d[0])
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) { #expect(isClose(g.0, e.0, absolute: 1e-9) && isClose(g.1, e.1, absolute: 1e-9)) }
    }

    /// A bound beyond every value widens the axis so that no whisker leaves the plot frame, linear or log.
    @Test func axesCoverTheBounds() {
        let canvas = SVGCanvas()
        let frameX = canvas.left...(canvas.width - canvas.right), frameY = canvas.top...(canvas.height - canvas.bottom)
        let linear = Self.scatter(xBounds: [ErrorBounds(lower: 0.5, upper: 30)], yBounds: [nil, ErrorBounds(lower: 9, upper: 55)])
        let logarithmic = Charts.scatter(
            title: "log", groups: [ScatterGroup(name: "g", points: [(50, 50), (60, 70)], xBounds: [ErrorBounds(lower: 5, upper: 500)],
                                                yBounds: [nil, ErrorBounds(lower: 0.2, upper: 2000)])],
            xLabel: "x", yLabel: "y", xLog: true, yLog: true, xFormat: Self.format, yFormat: Self.format)
        let lines = Charts.lines(title: "log", series: [ChartSeries(name: "s", points: [(1, 10), (8, 20)],
                                                                    yBounds: [ErrorBounds(lower: 0.5, upper: 300)])],
                                 xLabel: "x", yLabel: "y", xLog: true, yLog: true, xFormat: Self.format, yFormat: Self.format)
        for svg in [linear, logarithmic, lines] {
            let all = Self.whiskers(svg)
            #expect(!all.isEmpty)
            for d in all {
                // The whisker's line (its first two points) lies in the frame; caps stick out by at most their half-length.
                for (x, y) in Self.coordinates(d).prefix(2) {
                    #expect(x >= frameX.lowerBound - 1e-9 && x <= frameX.upperBound + 1e-9)
                    #expect(y >= frameY.lowerBound - 1e-9 && y <= frameY.upperBound + 1e-9)
                }
            }
        }
        // The log axes reach the bounds' decades: 1 to 1000 on x and 0.1 to 10000 on y.
        #expect(logarithmic.contains(">1000</text>") && logarithmic.contains(">0.1</text>") && logarithmic.contains(">10000</text>"))
    }

    /// The bar chart spans 0...5 (widened from 4 by the bound 5) over 532 pixels from 78: 2.5 and 5 are at 344 and 610;
    /// the first bar's middle is at 36 + 2 + 16 + 22 / 2 = 65 (top margin, gap, label band, half a bar).
    @Test func barWhiskerRunsAlongTheBarsMiddle() {
        let svg = Self.bars(bounds: [ErrorBounds(lower: 2.5, upper: 5), nil])
        #expect(Self.whiskers(svg) == ["M344.0,65.0L610.0,65.0M344.0,59.0L344.0,71.0M610.0,59.0L610.0,71.0"])
        #expect(svg.contains(##"stroke="#333" stroke-width="1.2"><title>a: 2.5 to 5</title></path>"##))
        #expect(svg.contains(">5</text>") && !Self.bars().contains(">5</text>"))
        // Segments and legend keys are unchanged: background, frame, 4 segments, 2 keys.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2 + 4 + 2)
    }

    @Test func sameBoundsGiveTheSameBytes() {
        let bounds = [ErrorBounds(lower: 0.7, upper: 1.3), nil, ErrorBounds(lower: 7, upper: 9)]
        #expect(Self.lines(bounds: bounds) == Self.lines(bounds: bounds))
        #expect(Self.scatter(xBounds: bounds) == Self.scatter(xBounds: bounds))
        #expect(ErrorBounds(lower: 3, upper: 1) == ErrorBounds(lower: 1, upper: 3))
        #expect(ErrorBounds([2, 4]) == ErrorBounds(lower: 2, upper: 4))
        #expect(ErrorBounds([1]) == nil && ErrorBounds(nil) == nil)
    }
}
