import Reports
import TestSupport
import Testing

/// Chart scales and documents.
@Suite struct ReportsTests {
    @Test func niceScaleCoversTheRangeWithRoundSteps() {
        let s = NiceScale(min: 0, max: 0.87)
        #expect(s.lower == 0 && s.upper >= 0.87)
        #expect([0.1, 0.2, 0.5].contains { isClose($0, s.step, absolute: 1e-12) })
        #expect(s.ticks.first == 0 && isClose(s.ticks.last!, s.upper, absolute: 1e-12))
        let t = NiceScale(min: 3, max: 1234)
        #expect(t.step == 200 || t.step == 500)
        #expect(t.lower <= 3 && t.upper >= 1234)
    }

    @Test func chartsAreWellFormedSVG() {
        let bars = Charts.stackedBars(title: "t", categories: ["a", "b"], components: ["x", "y"],
                                      values: [[1, 2], [3, 0]], unit: "s", format: { "\($0)" })
        #expect(bars.hasPrefix("<svg") && bars.hasSuffix("</svg>\n"))
        #expect(bars.components(separatedBy: "<rect").count - 1 == 2 + 3 + 2)  // background, frame, 3 segments, 2 legend keys
        let lines = Charts.lines(title: "<scaling>", series: [ChartSeries(name: "A&B", points: [(1, 1), (8, 7)])],
                                 xLabel: "devices", yLabel: "speed-up", xLog: true, xFormat: { "\($0)" },
                                 yFormat: { "\($0)" })
        #expect(lines.contains("&lt;scaling&gt;") && lines.contains("A&amp;B"))
        #expect(lines.components(separatedBy: "<circle").count - 1 == 2 + 1)  // the first series' dots, and its legend key's
    }

    @Test func pageIsSelfContained() {
        var page = HTMLPage(title: "Report")
        page.section("Numbers", HTMLPage.table(["k", "v"], [["a", "1"]]))
        let html = page.render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org"))
        #expect(!html.contains("<script src") && !html.contains("<link"))
        #expect(html.contains("<td>a</td><td>1</td>"))
    }
}
