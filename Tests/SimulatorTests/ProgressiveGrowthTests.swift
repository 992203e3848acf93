import CostModel
import Foundation
import TestSupport
import Testing
import Workload
@testable import Simulator
import InputParsing

/// ProGAN priced as its growth: the official phases, each at its minibatch, the run their sum.
@Suite struct ProgressiveGrowthTests {
    @Test func theOfficialGrowthRunsEveryPhaseAndTheLastUntilTheTotal() throws {
        let model = try ModelConfig(architecture: .progan, resolution: 1024).build()
        let growth = model.growth(totalKimg: try #require(model.officialGrowthKimg))
        // 4 px stable, then a fade-in and a stable phase at each of 8 resolutions; 600 kimg each, the last until 12,000.
        #expect(growth.count == 17)
        #expect(growth.map(\.kimg) == Array(repeating: 600, count: 16) + [2400])
        #expect(growth.map(\.phase.minibatch) == [128, 128, 128, 128, 128, 64, 64, 32, 32, 16, 16, 8, 8, 4, 4, 4, 4])
        // A shorter run stops growing where its images end.
        let short = model.growth(totalKimg: 1000)
        #expect(short.map(\.kimg) == [600, 400])
        #expect(try ModelConfig(architecture: .dcgan, resolution: 64).build().growth(totalKimg: 1000).isEmpty)
    }

    private func scenario(_ extra: String = "", devices: Int = 1) -> String {
        """
        model: {architecture: progan, resolution: 256}
        recipe: {batchPerDevice: 8}
        cluster: {topology: dgx-a100, devices: \(devices)}
        simulate: {iterations: 2}
        \(extra)
        """
    }

    @Test func aGrowingRunIsTheSumOfItsPhases() throws {
        let parsed = try TrainingScenario(yaml: scenario("training: {kimg: 7800}", devices: 4), defaultName: "g")
        let result = try parsed.simulate()
        let phases = try #require(result.phases)
        // 4 px, then fade-in and stable at 8 to 256 px: 13 phases of 600 kimg.
        #expect(phases.count == 13)
        #expect(phases.map(\.kimg).reduce(0, +) == 7800)
        #expect(isClose(result.training.wallSeconds, phases.map(\.wallSeconds).reduce(0, +), relativeToLarger: 1e-9))
        #expect(isClose(result.cost.totalUSD, phases.map(\.costUSD).reduce(0, +), relativeToLarger: 1e-9))
        #expect(isClose(result.energy.totalKWh, phases.map(\.energyKWh).reduce(0, +), relativeToLarger: 1e-9))
        #expect(result.training.iterations == phases.map(\.iterations).reduce(0, +))
        #expect(result.training.iterations == parsed.totalIterations)
        for p in phases {
            // The official minibatch over the 4 devices (128 at 4-16 px ... 8 at 256 px), at least one image each.
            let minibatch = [4: 128, 8: 128, 16: 128, 32: 64, 64: 32, 128: 16, 256: 8][p.resolution]!
            #expect(p.batchPerDevice == max(1, minibatch / 4))
            #expect(p.iterations == Int((p.kimg * 1000 / Double(p.batchPerDevice * 4)).rounded(.up)))
            #expect(isClose(p.secondsPerKimg * p.kimg, p.wallSeconds, relativeToLarger: 1e-9))
        }
        #expect(result.memory.peakBytesPerDevice == phases.map(\.peakBytesPerDevice).max())
        // The expected run with failures is of the whole run.
        #expect(try #require(result.reliability).expectedWallSeconds > result.training.wallSeconds)
        // The analytic path prices the same phases (one device: nothing contends, so the engines agree).
        let one = try TrainingScenario(yaml: scenario("training: {kimg: 2000}"), defaultName: "g")
        let simulated = try one.simulate(), estimated = try one.estimate(cache: ScenarioCache())
        #expect(isClose(simulated.training.wallSeconds, estimated.training.wallSeconds, relativeToLarger: 1e-9))
        #expect(estimated.phases?.count == 4)
    }

    @Test func theSameRunWithoutGrowingTakesLonger() throws {
        let growing = try TrainingScenario(yaml: scenario("training: {kimg: 3000}"), defaultName: "g").simulate()
        let flat = try TrainingScenario(yaml: scenario("training: {kimg: 3000, growth: false}"), defaultName: "f").simulate()
        #expect(flat.phases == nil)
        // Both train 3,000 kimg; the growing run spends most of them at low resolutions.
        #expect(flat.training.iterations == 3_000_000 / 8)
        #expect(growing.training.wallSeconds < flat.training.wallSeconds)
    }

    @Test func aGrowingRunCountsImages() throws {
        do {
            _ = try TrainingScenario(yaml: scenario("training: {iterations: 1000}"), defaultName: "g")
            Issue.record("iterations accepted for a growing run")
        } catch let error as ConfigurationError {
            #expect(error.field == "training.iterations")
            #expect(error.reason.contains("counts images"))
        }
        // Without growth, iterations are fine; without a training section the official 12,000 kimg apply.
        _ = try TrainingScenario(yaml: scenario("training: {iterations: 1000, growth: false}"), defaultName: "g")
        let official = try TrainingScenario(yaml: scenario(), defaultName: "g")
        #expect(official.growth?.map(\.kimg).reduce(0, +) == 12_000)
    }
}
