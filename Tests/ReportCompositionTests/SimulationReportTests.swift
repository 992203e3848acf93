import Foundation
import Reports
import ReportComposition
import Simulator
import Testing

/// The report of `simulate --out` and `compare --out`: its files, the summary's figures and the differences sentence.
@Suite struct SimulationReportTests {
    /// DCGAN-64 on a PCIe server of `devices` V100s, a few iterations.
    static func scenario(_ name: String, devices: Int) throws -> TrainingScenario {
        try TrainingScenario(yaml: """
            name: \(name)
            model: {architecture: dcgan, resolution: 64}
            recipe: {batchPerDevice: 64}
            cluster: {topology: pcie8, devices: \(devices)}
            training: {iterations: 20000}
            simulate: {iterations: 4}
            seed: 1
            """, defaultName: name)
    }

    @Test func simulateReportHoldsTheResultAndItsIterations() throws {
        let run = try SimulatedRun(simulating: Self.scenario("eight", devices: 8))
        let files = Dictionary(uniqueKeysWithValues: try SimulationReport(runs: [run]).files())
        #expect(Set(files.keys) == ["result.json", "iterations.csv", "trace.json", "summary.md", "report.html"])
        #expect(files["result.json"] == (try JSONOutput.data(run.result)))
        let lines = String(decoding: files["iterations.csv"]!, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == IterationRecord.csvHeader)
        #expect(lines.count == 1 + 4)
        #expect(lines.dropFirst() == run.records.map(\.csvRow)[...])
        let summary = String(decoding: files["summary.md"]!, as: UTF8.self)
        let r = run.result
        #expect(summary.hasPrefix("# gansim simulate: eight\n"))
        for figure in [Units.seconds(r.iterationSeconds), Units.count(r.samplesPerSecond), "\(r.devices)x \(r.device) on \(r.topology)",
                       "$\(Units.grouped(Int(r.cost.totalUSD.rounded())))", "\(Units.count(r.energy.totalKWh)) kWh", "Seed 1."] {
            #expect(summary.contains(figure), "summary.md lacks \(figure)")
        }
        #expect(!summary.contains("## Differences"))
        let trace = try JSONSerialization.jsonObject(with: files["trace.json"]!) as? [String: Any]
        #expect((trace?["traceEvents"] as? [Any])?.count == run.trace.count)
        #expect(String(decoding: files["report.html"]!, as: UTF8.self).contains("<title>gansim: eight</title>"))
    }

    @Test func compareStatesEachRunAgainstTheFirst() throws {
        let base = try SimulatedRun(simulating: Self.scenario("eight", devices: 8))
        let other = try SimulatedRun(simulating: Self.scenario("two", devices: 2))
        let report = SimulationReport(runs: [base, other])
        let b = base.result, o = other.result
        let speed = b.iterationSeconds / o.iterationSeconds
        let faster = speed >= 1 ? String(format: "%.2fx faster per iteration", speed) : String(format: "%.2fx slower per iteration", 1 / speed)
        #expect(report.differences.count == 1)
        #expect(report.differences[0].hasPrefix("two vs eight: \(faster), "))
        #expect(report.differences[0].hasSuffix(
            "trains in \(Units.seconds(o.training.wallSeconds)) instead of \(Units.seconds(b.training.wallSeconds)), "
                + "\(Units.seconds(o.expectedWallSeconds)) instead of \(Units.seconds(b.expectedWallSeconds)) with failures"))
        let files = Dictionary(uniqueKeysWithValues: try report.files())
        #expect(files["result.json"] == (try JSONOutput.data(report.comparison)))
        // Compared outside `#expect`, whose expansion over two whole results the compiler does not build.
        let results = report.comparison.results == [b, o]
        #expect(results)
        let csv = String(decoding: files["iterations.csv"]!, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(csv.first == "scenario," + IterationRecord.csvHeader)
        #expect(csv.count == 1 + 4 + 4)
        #expect(report.markdown.hasPrefix("# gansim compare: eight vs two\n"))
        #expect(report.markdown.contains("## Differences\n\n- \(report.differences[0])\n"))
    }
}
