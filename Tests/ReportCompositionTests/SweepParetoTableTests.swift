import Foundation
import Planning
import Reports
@testable import ReportComposition
import Testing

/// The sweep's one Pareto table: `gansim sweep` prints it and the sweep page shows it, with the same cells.
@Suite struct SweepParetoTableTests {
    /// Every row as a terminal line and as a page row: the same cells, a missing figure `-` on one and blank on the other.
    static func expectSameCells(_ table: SweepParetoTable) {
        let lines = table.text.split(separator: "\n").dropFirst(2)
        #expect(lines.count == table.rows.count)
        for (row, line) in zip(table.rows, lines) {
            let cells = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells == row.map { $0 ?? "-" })
            #expect(table.html.contains("<tr>" + row.map { "<td>\(SVGCanvas.escape($0 ?? ""))</td>" }.joined() + "</tr>"))
        }
    }

    @Test func theTerminalAndThePageShowOneTable() throws {
        let result = try SweepReportErrorBarTests.sweep(SweepReportErrorBarTests.validatedScenario)
        let table = SweepParetoTable(result)
        #expect(table.ranged && !table.rows.isEmpty && table.rows.count == result.pareto.count)
        let report = SweepReport(result: result)
        #expect(report.text.hasSuffix("with failures and checkpoints):\n" + table.text))
        #expect(report.html.contains(table.html))
        #expect(table.text.hasPrefix(result.axes.joined(separator: "  ")))
        #expect(table.html.contains("<th>expected time</th><th>goodput</th><th>cost</th><th>energy</th><th>memory/device</th>"
            + "<th>event sim. time</th><th>event vs analytic</th><th>validated time range</th>"))
        Self.expectSameCells(table)
    }

    @Test func aFigureThatDoesNotExistIsMarkedInEachPresentation() throws {
        var result = try SweepReportErrorBarTests.sweep(SweepReportErrorBarTests.validatedScenario)
        let front = try #require(result.pareto.first)
        result.outcomes[front].confirmed = nil
        let table = SweepParetoTable(result)
        #expect(table.rows[0][result.axes.count + 5] == nil && table.rows[0][result.axes.count + 6] == nil)
        Self.expectSameCells(table)
    }
}
