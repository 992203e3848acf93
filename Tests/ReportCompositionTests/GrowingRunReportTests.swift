import Foundation
import ReportComposition
import Simulator
import Testing

/// The report of a growing run: its result is `TrainingScenario.simulate()`'s, and every phase is simulated once.
@Suite struct GrowingRunReportTests {
    /// ProGAN-1024 grown on one DGX A100, a few iterations per phase.
    static let yaml = """
        name: progan-growth
        model: {architecture: progan, resolution: 1024}
        cluster: {topology: dgx-a100, devices: 8}
        training: {kimg: 12000, growth: true}
        simulate: {iterations: 3}
        seed: 1
        """

    @Test func resultIsTheWholeRunsAndEachPhaseIsSimulatedOnce() throws {
        let scenario = try TrainingScenario(yaml: Self.yaml, defaultName: "growth")
        let phases = scenario.phasePlans.count
        #expect(phases > 1)
        var started = 0
        let run = try SimulatedRun(simulating: scenario) { done, _ in if done == 0 { started += 1 } }
        #expect(started == phases)
        // Compared outside `#expect`, whose expansion over two whole results the compiler does not build.
        let whole = try scenario.simulate()
        let same = run.result == whole
        #expect(same)
        #expect(run.result.phases?.count == phases)
        // The records and trace are the last phase's.
        let last = try TrainingSimulation(plan: scenario.phasePlans.last!)
        _ = try last.run(name: scenario.name, totalIterations: 1)
        #expect(run.records == last.records)
        #expect(run.trace == last.trace)
    }
}
