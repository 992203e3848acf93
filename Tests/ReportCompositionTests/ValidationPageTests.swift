import Foundation
import Testing
@testable import ReportComposition
import Validation

/// `validate`'s table and page of CPU runs: the same bytes the command wrote before composing them moved here.
@Suite struct ValidationPageTests {
    @Test func theTableOfCPURunsShowsMemoryAndHowTheStepsWereMeasured() throws {
        let report = try Fixture.report("validation-cpu.json")
        let text = ValidationTable(report).text
        let expected = try Fixture.text("validation-cpu.txt")
        #expect(text == expected)
        #expect(!ValidationTable(report).dataParallel)
    }

    @Test func thePageOfCPURunsHoldsTheReportThePlotAndTheTable() throws {
        let report = try Fixture.report("validation-cpu.json")
        let files = try ValidationPage(report: report, profile: .file("out/cpu-fitted.json")).files()
        #expect(files.map(\.0) == ["validation.json", "scatter.svg", "validation.md"])
        let json = Fixture.file("validation.json", in: files), svg = Fixture.file("scatter.svg", in: files)
        let page = Fixture.file("validation.md", in: files)
        let expected = (json: try Fixture.text("validation-cpu.json"), svg: try Fixture.text("validation-cpu.svg"),
                        page: try Fixture.text("validation-cpu.md"))
        #expect(json == expected.json)
        #expect(svg == expected.svg)
        #expect(page == expected.page)
    }

    @Test func thePageNamesWhereTheProfileCameFrom() throws {
        let report = try Fixture.report("validation-cpu.json")
        let cases: [(ValidationPage.Profile, String)] = [
            (.file("out/cpu-fitted.json"), "Profile: `out/cpu-fitted.json`\n"), (.catalog("cpu"), "Profile: `cpu (catalog)`\n"),
            (.fittedInSession(savedTo: nil), "Profile: fitted in the same session\n"),
            (.fittedInSession(savedTo: "out/p.json"), "Profile: fitted in the same session (`out/p.json`)\n"),
        ]
        for (profile, line) in cases {
            let page = Fixture.file("validation.md", in: try ValidationPage(report: report, profile: profile).files()) ?? ""
            #expect(page.contains("\n\n" + line + "\n```\n"))
        }
    }

    @Test func theScatterPlotHasAPointPerConfiguration() throws {
        let report = try Fixture.report("validation-cpu.json")
        let svg = ScatterPlot.svg(report)
        #expect(svg.hasPrefix("<svg") && svg.contains("</svg>"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == report.configurations.count)
    }
}
