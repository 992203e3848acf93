import Foundation
import Testing
@testable import ReportComposition
import Validation

/// `validate-distributed`'s table and files: the same bytes the command wrote before composing them moved here, from
/// the one table renderer that `validate` uses too.
@Suite struct DistributedValidationPageTests {
    @Test func theTableOfDataParallelRunsShowsCommunicationComputeAndTheMachine() throws {
        let report = try Fixture.report("validation-mpi.json")
        let table = ValidationTable(report)
        #expect(table.dataParallel)
        let text = table.text, expected = try Fixture.text("validation-mpi.txt")
        #expect(text == expected)
    }

    @Test func theExposedReductionsAreShownWhereMeasured() throws {
        var rows = try Fixture.report("validation-mpi.json").configurations
        rows[0].predictedReductionSeconds = 0.0012
        rows[0].measuredReductionSeconds = 0.0015
        let report = ValidationReport(profile: "cpu", machine: try Fixture.report("validation-mpi.json").machine,
                                      configurations: rows)
        let lines = ValidationTable(report).text.split(separator: "\n")
        #expect(lines[2].hasSuffix("1.20 ms          1.50 ms") && lines[3].hasSuffix("-                -"))
        #expect(lines.contains { $0.hasSuffix("communication+wait MAPE 69.4%; exposed reduction MAPE 20.0%") })
    }

    @Test func ranksOutnumberingTheCoresShowTheirOverlap() throws {
        var report = try Fixture.report("validation-mpi.json")
        let i = try #require(report.machine?.coRunning.firstIndex { $0.ranks == 4 })
        report.machine?.coRunning[i].overlapSeconds = 0.0142
        let line = try #require(ValidationTable(report).text.split(separator: "\n").first { $0.hasPrefix("np 4 t1:") })
        #expect(line.contains("of its share of the cores, its compute overlaps its core-mates' with chance 1 - exp(-compute / 14.2 ms), "))
        // Their turns vary a rank's step as the square root of its compute.
        report.machine?.coRunning[i].interruptionSeconds = 0.00072
        let turns = try #require(ValidationTable(report).text.split(separator: "\n").first { $0.hasPrefix("np 4 t1:") })
        #expect(turns.contains(", its compute varies by sqrt(0.72 ms x its compute) per step"))
    }

    @Test func theSpreadBetweenRanksAndTheMachinesSpeedAreShown() throws {
        var report = try Fixture.report("validation-mpi.json")
        let i = try #require(report.machine?.coRunning.firstIndex { $0.ranks == 2 && $0.threadsPerRank == 1 })
        report.machine?.coRunning[i].rankSpeedCoefficientOfVariation = 0.031
        report.machine?.profileSlowdown = 1.084
        let lines = ValidationTable(report).text.split(separator: "\n")
        let sharing = try #require(lines.first { $0.hasPrefix("np 2 t1:") })
        #expect(sharing.contains(" per step and 3.1% between ranks ("))
        #expect(lines.contains { $0.hasPrefix("work alone took 1.084 times as long as the profile prices it") })
    }

    @Test func theFilesHoldEachTransportTheMachineTheReportAndThePage() throws {
        let report = try Fixture.report("validation-mpi.json")
        let page = DistributedValidationPage(report: report, profile: "out/cpu-fitted.json")
        let files = try page.files()
        #expect(files.map(\.0) == ["comm-np2.json", "comm-np4.json", "machine.json", "validation.json", "validation.md"])
        for name in ["comm-np2.json", "comm-np4.json", "machine.json"] {
            let file = Fixture.file(name, in: files), expected = try Fixture.text(name)
            #expect(file == expected, "\(name)")
        }
        let json = Fixture.file("validation.json", in: files), markdown = Fixture.file("validation.md", in: files)
        let expected = (json: try Fixture.text("validation-mpi.json"), markdown: try Fixture.text("validation-mpi.md"))
        #expect(json == expected.json)
        #expect(markdown == expected.markdown)
        let text = page.text, table = ValidationTable(report).text
        #expect(text == table)
    }

    @Test func withoutAProfileThePageNamesThePrior() throws {
        let page = DistributedValidationPage(report: try Fixture.report("validation-mpi.json"), profile: nil)
        let markdown = Fixture.file("validation.md", in: try page.files()) ?? ""
        #expect(markdown.hasPrefix("# Data-parallel runs on MPI against the simulator\n\nProfile: `cpu (uncalibrated prior)`\n\n```\n"))
    }

    @Test func theTransportTableIsCommBenchs() throws {
        let report = try Fixture.report("validation-mpi.json")
        let transport = try #require(report.machine?.transports.first { $0.ranks == 2 })
        let text = CommCalibrationTable(transport).text, expected = try Fixture.text("comm-bench-np2.txt")
        #expect(text == expected)
    }
}
