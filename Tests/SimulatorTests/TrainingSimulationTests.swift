import CostModel
import TestSupport
import Workload
import Foundation
import Testing
@testable import Simulator
import InputParsing

/// A pipeline far faster than DCGAN-64 on a V100 consumes.
private let fastPipeline = DataPipelineSpec(storageBytesPerSecond: 100e9, encodedBytesPerSample: 110e3, decodeSamplesPerSecondPerCore: 1e5)

@Suite struct TrainingSimulationTests {
    private func plan(
        devices: Int = 8, topology: Topology? = nil, algorithm: CollectiveAlgorithm = .ring, mode: TrainingMode = .synchronous,
        data: DataPipelineSpec = fastPipeline, jitter: JitterSpec = JitterSpec(), seed: UInt64 = 1, batch: Int = 16
    ) throws -> TrainingPlan {
        let model = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        return TrainingPlan(
            model: model, recipe: TrainingRecipe(batchPerDevice: batch, discriminatorSteps: 2), device: DeviceCatalog.v100_32gb,
            topology: topology ?? Topologies.server(.dgx1), devices: devices, algorithm: algorithm, bucketBytes: 2e6, mode: mode,
            data: data, jitter: jitter, iterations: 6, seed: seed)
    }

    private func run(_ plan: TrainingPlan) throws -> (TrainingResult, TrainingSimulation) {
        let simulation = try TrainingSimulation(plan: plan)
        return (try simulation.run(name: "test", totalIterations: 100), simulation)
    }

    @Test func oneDeviceHasNoCommunicationAndScalesPerfectly() throws {
        let (result, _) = try run(plan(devices: 1))
        #expect(result.breakdown.exposedCommunicationSeconds == 0)
        #expect(isClose(result.scalingEfficiency, 1, absolute: 1e-9))
        #expect(isClose(result.iterationSeconds, result.singleDeviceIterationSeconds, absolute: 1e-12))
    }

    @Test func breakdownAddsUpToTheIteration() throws {
        let (exact, _) = try run(plan())
        let e = exact.breakdown
        #expect(isClose(e.computeSeconds + e.exposedCommunicationSeconds + e.dataStallSeconds + e.idleSeconds, exact.iterationSeconds, relative: 1e-9))
        // With jitter a fast device starts its next iteration before the slowest ends, so the
        // per-device sum matches the global iteration only closely.
        let (result, _) = try run(plan(jitter: JitterSpec(coefficientOfVariation: 0.05)))
        let b = result.breakdown
        let sum = b.computeSeconds + b.exposedCommunicationSeconds + b.dataStallSeconds + b.idleSeconds
        #expect(isClose(sum, result.iterationSeconds, relative: 0.01))
        #expect(b.idleSeconds > 0)
        #expect(result.scalingEfficiency < 1)
        #expect(result.memory.fits)
    }

    @Test func slowInterconnectExposesCommunicationAndStalenessHidesIt() throws {
        // Reductions take a good part of, but less than, the compute time: staleness can hide them.
        let slow = Topologies.ring(devices: 8, link: LinkSpec(kind: .generic, bandwidthBytesPerSecond: 4e9, latencySeconds: 5e-6))
        let (sync, _) = try run(plan(topology: slow))
        let (stale, _) = try run(plan(topology: slow, mode: .asynchronous(staleness: 1)))
        #expect(sync.breakdown.exposedCommunicationSeconds > 0.05 * sync.iterationSeconds)
        #expect(stale.iterationSeconds < sync.iterationSeconds)
        #expect(stale.breakdown.exposedCommunicationSeconds < sync.breakdown.exposedCommunicationSeconds)
    }

    @Test func starvedPipelineStallsAndPrefetchCannotHelpASlowStage() throws {
        let slowDecode = DataPipelineSpec(storageBytesPerSecond: 10e9, encodedBytesPerSample: 110e3, decodeSamplesPerSecondPerCore: 1, decodeCores: 2)
        let (starved, _) = try run(plan(data: slowDecode))
        let (fed, _) = try run(plan())
        #expect(starved.breakdown.dataStallSeconds > 0.5 * starved.iterationSeconds)
        #expect(fed.breakdown.dataStallSeconds == 0)
        // 2 cores at 1 image/s shared by 8 GPUs: 4 s per image, 2 D steps x 16 images per iteration.
        #expect(isClose(starved.iterationSeconds, 2 * 16 * 4, relative: 0.01))
    }

    @Test func devicesTakeTheExpectedOrderStatisticsOfTheirSpeedSpread() {
        let random = RandomStream(seed: 3)
        #expect(JitterSpec().deviceFactors(devices: 4, random) == [1, 1, 1, 1])
        // Two devices: Blom's quantile (2 - 3/8) / (2 + 1/4) = 0.7222 of the standard normal is 0.5895.
        let two = JitterSpec(deviceCoefficientOfVariation: 0.1).deviceFactors(devices: 2, random).sorted()
        #expect(isClose(two[0], 1 - 0.1 * 0.58946, absolute: 1e-4))
        #expect(isClose(two[1], 1 + 0.1 * 0.58946, absolute: 1e-4))
        // Many devices: mean 1 and nearly the spread asked for (the quantiles' own deviation is 0.998); the slowest
        // at the 0.999375 quantile (3.227 standard deviations; the expected maximum of 1000 normal draws is 3.241).
        let many = JitterSpec(deviceCoefficientOfVariation: 0.02).deviceFactors(devices: 1000, random)
        let mean = many.reduce(0, +) / 1000
        let sd = (many.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 999).squareRoot()
        #expect(isClose(mean, 1, absolute: 1e-12))
        #expect(isClose(sd, 0.02 * 0.99839, relative: 1e-4))
        #expect(isClose(many.max()!, 1 + 0.02 * 3.22729, absolute: 1e-6))
        #expect(many != many.sorted())  // dealt in a drawn order
    }

    @Test func interruptionsVaryAStepAsTheSquareRootOfItsCompute() {
        // Variance 1 ms per second of compute: a 10 ms block varies by sqrt(1e-3 * 1e-2) = 3.16 ms (0.316 of it), a
        // 1 s block by 31.6 ms (0.0316); with a 5% proportional spread on top, the variances add.
        func spread(_ jitter: JitterSpec, computeSeconds: Double) -> Double {
            let random = RandomStream(seed: 5)
            let draws = (0..<20_000).map { _ in jitter.factor(random, computeSeconds: computeSeconds) }
            let mean = draws.reduce(0, +) / Double(draws.count)
            return (draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)).squareRoot()
        }
        let turns = JitterSpec(interruptionSeconds: 1e-3)
        #expect(isClose(spread(turns, computeSeconds: 0.01), 0.1.squareRoot(), relative: 0.02))
        #expect(isClose(spread(turns, computeSeconds: 1), 0.001.squareRoot(), relative: 0.02))
        let both = JitterSpec(coefficientOfVariation: 0.05, interruptionSeconds: 1e-3)
        #expect(isClose(spread(both, computeSeconds: 1), (0.05 * 0.05 + 0.001).squareRoot(), relative: 0.02))
        #expect(spread(JitterSpec(), computeSeconds: 1) == 0)
        #expect(spread(turns, computeSeconds: 0) == 0)  // a block with no compute has nothing to vary
        // However short the block, its mean is kept and it never runs backwards.
        let random = RandomStream(seed: 6)
        let short = (0..<20_000).map { _ in turns.factor(random, computeSeconds: 1e-4) }
        #expect(isClose(short.reduce(0, +) / Double(short.count), 1, relative: 0.03) && short.allSatisfy { $0 >= 0 })
    }

    @Test func aStepVariesByTheJitterThoughItsBlocksAreDrawnApart() throws {
        // One device, two D steps and a G step a step, each drawn apart: their sum, the step's compute, varies by the
        // spec's 10% (each block by more); drawn at 10% each, it would vary by 10% of their root sum of squares.
        var p = try plan(devices: 1, jitter: JitterSpec(coefficientOfVariation: 0.1))
        p.iterations = 2000
        let (_, simulation) = try run(p)
        let steps = simulation.records.map(\.computeSeconds)
        let mean = steps.reduce(0, +) / Double(steps.count)
        let spread = (steps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(steps.count - 1)).squareRoot() / mean
        #expect(isClose(spread, 0.1, relative: 0.08))
        #expect(JitterSpec.stepSpreadShare(blockComputeSeconds: [3, 1]) == 4 / 10.0.squareRoot())
        #expect(JitterSpec.stepSpreadShare(blockComputeSeconds: [2]) == 1 && JitterSpec.stepSpreadShare(blockComputeSeconds: []) == 1)
    }

    @Test func ranksInterruptedWaitLessOfALongerStep() throws {
        // Two devices interrupted alike: the one that finishes first waits about sqrt(q c) for the other, so four times
        // the compute per step waits half as much of it (with a spread in proportion, the same share).
        func waitShare(batch: Int) throws -> (share: Double, compute: Double) {
            var p = try plan(devices: 2, jitter: JitterSpec(interruptionSeconds: 1e-3), batch: batch)
            p.iterations = 400
            let (result, _) = try run(p)
            return (result.breakdown.idleSeconds / result.breakdown.computeSeconds, result.breakdown.computeSeconds)
        }
        let short = try waitShare(batch: 16), long = try waitShare(batch: 256)
        #expect(short.share > 0 && long.compute > 2 * short.compute)
        #expect(isClose(long.share / short.share, (short.compute / long.compute).squareRoot(), relative: 0.15))
    }

    @Test func aPersistentlySlowerDeviceMakesTheOthersWait() throws {
        let (even, _) = try run(plan(devices: 2))
        let (uneven, _) = try run(plan(devices: 2, jitter: JitterSpec(deviceCoefficientOfVariation: 0.05)))
        // The same compute on average; the faster device idles at every synchronisation for the slower.
        #expect(isClose(uneven.breakdown.computeSeconds, even.breakdown.computeSeconds, relative: 1e-9))
        #expect(uneven.breakdown.idleSeconds > even.breakdown.idleSeconds)
        #expect(uneven.iterationSeconds > even.iterationSeconds)
        #expect(uneven.iterationSeconds < even.iterationSeconds * (1 + 0.05 * 0.5895) + 1e-12)
    }

    @Test func sameSeedSameJSONAndOtherSeedOtherResult() throws {
        let jitter = JitterSpec(coefficientOfVariation: 0.1, stragglerProbability: 0.1, stragglerSlowdown: 2,
                                deviceCoefficientOfVariation: 0.03)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(run(plan(jitter: jitter, seed: 7)).0)
        let second = try encoder.encode(run(plan(jitter: jitter, seed: 7)).0)
        let other = try encoder.encode(run(plan(jitter: jitter, seed: 8)).0)
        #expect(first == second)
        #expect(first != other)
    }

    @Test func bucketsOverlapBackward() throws {
        let (result, simulation) = try run(plan())
        #expect(result.bucketsPerIteration > 3)
        // The first bucket of a step starts before that step's compute ends on device 0.
        let computeEnds = simulation.trace.filter { $0.cat == "compute" && $0.pid == 0 }.map { $0.ts + $0.dur }
        let firstBucketStart = simulation.trace.first { $0.cat == "communication" }!.ts
        #expect(firstBucketStart < computeEnds[0])
    }

    @Test func badPlansAreConfigurationErrors() throws {
        var bad = try plan()
        bad.iterations = 0
        #expect(throws: ConfigurationError.self) { try TrainingSimulation(plan: bad) }
        #expect(throws: ConfigurationError.self) { try TrainingSimulation(plan: plan(devices: 9)) }
        #expect(throws: ConfigurationError.self) { try TrainingSimulation(plan: plan(mode: .asynchronous(staleness: 0))) }
    }
}
