import Foundation
import ReportComposition
import Simulator
import Testing

/// `gansim compare --out`'s report.html: a whisker over the iteration-time bar of each configuration whose profile is
/// validated, and none over the others.
@Suite struct CompareReportErrorBarTests {
    /// A scenario of `architecture` on one DGX-1 of 32 GB V100s.
    static func scenario(_ name: String, architecture: String, resolution: Int) throws -> TrainingScenario {
        try TrainingScenario(yaml: """
            name: \(name)
            model: {architecture: \(architecture), resolution: \(resolution)}
            recipe: {batchPerDevice: 4}
            cluster: {topology: dgx1-v100, devices: 8, device: v100-32gb}
            training: {kimg: 5000}
            simulate: {iterations: 3}
            seed: 1
            """, defaultName: name)
    }

    /// The report page of the comparison of StyleGAN2 (validated on the V100) with ProGAN (not validated).
    static func compareReport() throws -> String {
        let runs = try [
            SimulatedRun(simulating: scenario("v100-sg2", architecture: "stylegan2", resolution: 256)),
            SimulatedRun(simulating: scenario("v100-pg", architecture: "progan", resolution: 128)),
        ]
        return SimulationReport(runs: runs).html
    }

    @Test func validatedConfigurationGetsAWhiskerOverItsTimeBar() throws {
        let html = try Self.compareReport()
        // The StyleGAN2 run (the first bar, whose middle is at 36 + 2 + 16 + 22 / 2 = 65: top margin, gap, label band, half a bar) has one; the ProGAN run (no implementation profile) none.
        let whiskers = html.components(separatedBy: "<path class=\"whisker\" d=\"").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(whiskers.count == 1)
        let whisker = String(try #require(whiskers.first))
        #expect(whisker.hasPrefix("M") && whisker.prefix { $0 != "L" }.hasSuffix(",65.0"))
        #expect(html.contains("<p class=\"note\">bars: validated range (v100-32gb: leave-one-out over 16 runs of stylegan2-ada-pytorch-v100.csv)</p>"))
        // The whisker spans the range the summary table lists (milliseconds on the chart).
        let tip = try #require(whisker.components(separatedBy: "<title>v100-sg2: ").dropFirst().first)
        let ends = tip.prefix { $0 != "<" }.components(separatedBy: " to ").compactMap(Double.init)
        #expect(ends.count == 2)
        if ends.count == 2 {
            #expect(ends[0] < ends[1])
            #expect(html.contains(String(format: "<td>%.3f ms-%.3f ms</td>", ends[0], ends[1])))
        }
        // Deterministic: the same comparison composes the same bytes.
        #expect(try Self.compareReport() == html)
    }
}
