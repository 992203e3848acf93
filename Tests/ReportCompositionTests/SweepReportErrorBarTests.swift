import Foundation
import Reports
import Simulator
import Testing
import Planning
@testable import ReportComposition

/// The sweep report's error bars: a validated profile's points carry their validated range of training time on the
/// time axis, captioned and listed in the Pareto table; an unvalidated sweep shows none of it.
@Suite struct SweepReportErrorBarTests {
    /// StyleGAN2 on one DGX-1 of 32 GB V100s, whose catalog profile is validated for StyleGAN2 (leave-one-out).
    static let validatedScenario = """
        name: v100-sg2
        model: {architecture: stylegan2, resolution: 256}
        recipe: {batchPerDevice: 4}
        cluster: {topology: dgx1-v100, devices: 8, device: v100-32gb}
        training: {kimg: 5000}
        simulate: {iterations: 3}
        seed: 1
        """

    /// The sweep of `yaml` over the per-device batch, on two threads.
    static func sweep(_ yaml: String) throws -> SweepResult {
        let template = try ScenarioTemplate(yaml: yaml, defaultName: "test")
        let grid = try SweepGrid(template: template, axes: [SweepAxis.parse("recipe.batchPerDevice=2,4,8")])
        return try SweepEngine(threads: 2).run(template: template, axes: grid.axes.map(\.name), points: grid.points)
    }

    @Test func validatedPointsCarryTheirRangeOnTheTimeAxis() throws {
        let result = try Self.sweep(Self.validatedScenario)
        let html = SweepReport(result: result).html
        let fitting = result.outcomes.filter { $0.status == .ok }
        let confirmed = result.confirmedIndices.compactMap { result.outcomes[$0].confirmed }
        #expect(fitting.count == 3 && !confirmed.isEmpty)
        // One whisker per fitting point's estimate and per event simulation, each spanning its training-time range in hours.
        #expect(html.components(separatedBy: "<path class=\"whisker\"").count - 1 == fitting.count + confirmed.count)
        for o in fitting {
            let range = try #require(o.analytic!.trainingSecondsInterval)
            #expect(range[0] < o.analytic!.training.wallSeconds && o.analytic!.training.wallSeconds < range[1])
            let describe = SweepReport(result: result).describe(o)
            #expect(html.contains("<title>\(describe): \(Units.count(range[0] / 3600)) to \(Units.count(range[1] / 3600))</title></path>"))
        }
        // Horizontal whiskers: each one's line keeps one pixel row.
        for d in html.components(separatedBy: "<path class=\"whisker\" d=\"").dropFirst().map({ $0.prefix { $0 != "\"" } }) {
            let ends = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).prefix(2).map { $0.split(separator: ",")[1] }
            #expect(ends[0] == ends[1])
        }
        #expect(html.contains("<p class=\"note\">bars: validated range (v100-32gb: leave-one-out over 16 runs of stylegan2-ada-pytorch-v100.csv)</p>"))
        // The Pareto table lists each front point's range, as `gansim sweep` prints it.
        #expect(html.contains("<th>validated time range</th>"))
        for i in result.pareto {
            let best = result.outcomes[i].best!
            let range = best.iterationSecondsInterval!.map { Units.seconds($0 * Double(best.training.iterations)) }.joined(separator: "-")
            #expect(html.contains("<td>\(range)</td></tr>"))
        }
        // Deterministic: the same sweep renders the same bytes.
        #expect(try SweepReport(result: Self.sweep(Self.validatedScenario)).html == html)
    }

    @Test func unvalidatedSweepShowsNoRange() throws {
        // No implementation profile trains ProGAN, so the V100's execution model does not price it: not validated.
        let yaml = Self.validatedScenario.replacingOccurrences(of: "stylegan2", with: "progan")
            .replacingOccurrences(of: "resolution: 256", with: "resolution: 128")
        let result = try Self.sweep(yaml)
        #expect(result.outcomes.allSatisfy { $0.best?.iterationSecondsInterval == nil })
        let html = SweepReport(result: result).html
        #expect(!html.contains("whisker") && !html.contains("bars: validated range") && !html.contains("validated time range"))
    }
}
