import CostModel
import TestSupport
import Testing
import Distributed
@testable import Validation

/// The simulator's model of data-parallel ranks on one CPU machine: reductions advanced by the ranks' own threads,
/// and compute shared with the other ranks.
@Suite struct DistributedPredictionTests {
    /// A machine whose transport, at every rank count and for both algorithms, is one line: 2 µs per message and
    /// 4 GB/s; each core delivers `efficiency` beside the others, and steps do not vary.
    private static func machine(efficiency: Double = 1, ranks: [Int] = [2, 4]) throws -> DistributedMachine {
        let transports = try ranks.map { n in
            let samples = CommBenchmark.defaultSizes.flatMap { size in
                ["ring", "mpi"].map { CommSample(algorithm: $0, bytes: size, seconds: LatencyBandwidthFit.predictedSeconds(
                    bytes: Double(size), ranks: n, latencySeconds: 2e-6, bandwidthBytesPerSecond: 4e9), repetitions: 5) }
            }
            return try CommCalibration(ranks: n, hosts: Array(repeating: "test", count: n), samples: samples)
        }
        return DistributedMachine(transports: transports, coRunning: ranks.map {
            CoRunningCalibration(ranks: $0, threadsPerRank: 1, runs: [], efficiency: efficiency, stepCoefficientOfVariation: 0)
        })
    }

    @Test func reductionsTakeTheRanksThreadAfterItsCompute() throws {
        // mlp-gan with 4 MB buckets: several buckets per network would overlap backward on a GPU's stream; here each
        // waits for the compute, so communication is the sum of the reductions, none of it hidden.
        let config = RunConfiguration(.mlpGAN, width: 1024, batch: 64, steps: 4, dataParallel: .init(ranks: 2, bucketBytes: 4_000_000))
        let p = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: Self.machine())
        let model = try config.modelConfig.build()
        let gradientBytes = 4 * Double(model.generator.parameterCount + model.discriminator.parameterCount)
        let alone = 2 * 1 / 2 * gradientBytes / 4e9  // the ring's 2(N-1)/N of the bytes at 4 GB/s, latencies aside
        #expect(p.communicationSeconds >= alone)
        #expect(isClose(p.stepSeconds, p.computeSeconds + p.communicationSeconds, absolute: 1e-9 * p.stepSeconds))
        // A plan rank count without a transport measured at it is refused, naming it.
        #expect(throws: MPIError.self) { try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: Self.machine(ranks: [4])) }
    }

    @Test func sharedCoresSlowComputeByTheirShareAndTheMeasuredEfficiency() throws {
        let cpu = DeviceCatalog.developmentVM
        let cores = try #require(cpu.cores)
        let config = RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 16, steps: 4, dataParallel: .init(ranks: cores))
        let base = try DistributedPrediction.predict(config, profile: cpu, machine: Self.machine())
        let shared = try DistributedPrediction.predict(config, profile: cpu, machine: Self.machine(efficiency: 0.8))
        #expect(isClose(shared.computeSeconds / base.computeSeconds, 1 / 0.8, absolute: 1e-9))
        // Twice as many ranks as cores: each thread gets half a core.
        var doubled = config
        doubled.dataParallel?.ranks = 2 * cores
        doubled.batch = 2 * config.batch
        let sliced = try DistributedPrediction.predict(doubled, profile: cpu, machine: Self.machine())
        #expect(isClose(sliced.computeSeconds / base.computeSeconds, 2, absolute: 1e-9))
    }

    @Test func coRunningTimesEachRanksShareAloneAndAsARankOfTheJob() throws {
        var alone: [RunConfiguration] = []
        let c = try CoRunningCalibration.measure(ranks: 2, cores: 2, rounds: 2, alone: { config in
            alone.append(config)
            return 0.01
        }, job: { _ in [[0.0125, 0.0125, 0.0125], [0.0125, 0.0125, 0.0125]] })
        let configurations = CoRunningCalibration.configurations(ranks: 2)
        #expect(alone == (configurations + configurations).map(\.singleRank))
        #expect(alone.allSatisfy { $0.dataParallel == nil })
        // One thread per rank on two cores: no time-slicing, so a rank's 12.5 ms against 10 ms alone is the efficiency.
        #expect(isClose(c.efficiency, 0.8, absolute: 1e-12))
        #expect(isClose(c.stepCoefficientOfVariation, 0, absolute: 1e-12))
    }
}
