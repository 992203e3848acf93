import Foundation
import CostModel
import TestSupport
import Testing
import Distributed
@testable import Validation

/// `validate-distributed`'s session: the machine's measurements and the plan's runs interleaved round by round, the
/// fastest of each kept, and the fits made from those.
@Suite struct DistributedValidationTests {
    /// A `comm-bench` whose transport is one line, 2 µs per message and 4 GB/s, `slower` times as slow.
    private static func bench(ranks: Int, slower: Double) throws -> CommCalibration {
        let samples = CommBenchmark.defaultSizes.flatMap { size in
            ["ring", "mpi"].map { CommSample(algorithm: $0, bytes: size, seconds: slower * LatencyBandwidthFit.predictedSeconds(
                bytes: Double(size), ranks: ranks, latencySeconds: 2e-6, bandwidthBytesPerSecond: 4e9), repetitions: 5) }
        }
        return try CommCalibration(ranks: ranks, hosts: Array(repeating: "test", count: ranks), samples: samples)
    }

    @Test func everyRoundMeasuresTheMachineAndRunsThePlanAndTheFastestOfEachIsKept() throws {
        let cpu = DeviceCatalog.developmentVM
        let plan = [RunConfiguration(.mlpGAN, width: 128, batch: 64, steps: 4, dataParallel: .init(ranks: 2)),
                    RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 16, steps: 4, dataParallel: .init(ranks: 2))]
        // The truth: the transport's line, ranks at 0.8 of their share, work alone as priced. The first round runs in
        // a stretch where the machine is half as fast, the second at its own speed.
        let truth = DistributedMachine(transports: [try Self.bench(ranks: 2, slower: 1)], coRunning: [
            CoRunningCalibration(ranks: 2, threadsPerRank: 1, runs: [], efficiency: 0.8, stepCoefficientOfVariation: 0)])
        var round = 0, order: [String] = []
        func slower() -> Double { round < 2 ? 2 : 1 }
        let steps = DistributedValidation.Steps(
            commBench: { ranks in
                order.append("comm-bench"); round += 1
                return try Self.bench(ranks: ranks, slower: slower())
            },
            alone: { config in
                order.append("alone")
                return slower() * (try Validator.singleDevice(config.modelConfig.build(), recipe: config.recipe,
                                                              device: cpu.restricted(toThreads: 1)).stepSeconds)
            },
            job: { config in
                order.append("job")
                let p = try DistributedPrediction.predict(config, profile: cpu, machine: truth)
                return .init(stepSeconds: slower() * p.stepSeconds,
                             rankComputeSeconds: [[slower() * p.computeSeconds], [slower() * p.computeSeconds]])
            },
            run: { config in
                order.append("run")
                let p = try DistributedPrediction.predict(config, profile: cpu, machine: truth)
                return MeasuredRun(stepSeconds: slower() * p.stepSeconds, peakResidentBytes: 0, opTimings: [],
                                   communicationSeconds: slower() * p.communicationSeconds,
                                   computeSeconds: slower() * p.computeSeconds)
            })
        let (machine, report) = try DistributedValidation.run(profile: cpu, plan: plan, rounds: 2, transports: [], steps: steps)
        // Each round: the transport, the sharing jobs (each alone, then as the job), the plan.
        let oneRound = ["comm-bench"] + Array(repeating: ["alone", "job"], count: 3).flatMap { $0 } + ["run", "run"]
        #expect(order == oneRound + oneRound)
        // The fits rest on the fast round: the transport's line, the efficiency, and no slowdown.
        let fitted = try #require(machine.transports.first?.ringRegimes)
        #expect(isClose(fitted.predictedSeconds(bytes: 1_048_576),
                        try truth.transport(ranks: 2, algorithm: .ring).predictedSeconds(bytes: 1_048_576), relative: 1e-6))
        #expect(isClose(try machine.sharing(ranks: 2, threads: 1).efficiency, 0.8, relative: 1e-6))
        #expect(isClose(try #require(machine.profileSlowdown), 1, relative: 1e-12))
        // The plan's runs are its fast round's, and predicted as they ran.
        #expect(report.configurations.map(\.label) == plan.map(\.label))
        for row in report.configurations {
            #expect(isClose(row.predictedStepSeconds, row.measuredStepSeconds, relative: 1e-6))
        }
        // A transport given is not benchmarked.
        order = []; round = 2
        _ = try DistributedValidation.run(profile: cpu, plan: plan, rounds: 1, transports: machine.transports, steps: steps)
        #expect(!order.contains("comm-bench"))
    }
}
