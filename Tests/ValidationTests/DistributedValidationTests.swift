import Foundation
import CostModel
import TestSupport
import Testing
import Distributed
@testable import Validation

/// `validate-distributed`'s session: the machine's measurements and the plan's runs interleaved round by round, the
/// fastest of each kept (the transport's median round), and the fits made from those.
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
        // a stretch where the machine is half as fast, the other two at its own speed.
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
        let (machine, report) = try DistributedValidation.run(profile: cpu, plan: plan, rounds: 3, transports: [], steps: steps)
        // Each round: the transport, the sharing jobs (each alone, then as the job), the plan.
        let oneRound = ["comm-bench"] + Array(repeating: ["alone", "job"], count: 3).flatMap { $0 } + ["run", "run"]
        #expect(order == oneRound + oneRound + oneRound)
        // The fits rest on the fast rounds: the transport's line (its median round), the efficiency, and no slowdown.
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
        order = []; round = 3
        _ = try DistributedValidation.run(profile: cpu, plan: plan, rounds: 1, transports: machine.transports, steps: steps)
        #expect(!order.contains("comm-bench"))
    }

    @Test func theTransportIsFittedToEachSizesMedianRound() throws {
        let cpu = DeviceCatalog.developmentVM
        let plan = [RunConfiguration(.mlpGAN, width: 128, batch: 64, steps: 4, dataParallel: .init(ranks: 2))]
        let truth = DistributedMachine(transports: [try Self.bench(ranks: 2, slower: 1)], coRunning: [
            CoRunningCalibration(ranks: 2, threadsPerRank: 1, runs: [], efficiency: 1, stepCoefficientOfVariation: 0)])
        // Three rounds of the transport at 1, 3 and 1.5 times the truth's times: the median round is the third.
        var slowdowns = [1.0, 3, 1.5]
        let steps = DistributedValidation.Steps(
            commBench: { ranks in try Self.bench(ranks: ranks, slower: slowdowns.removeFirst()) },
            alone: { config in
                try Validator.singleDevice(config.modelConfig.build(), recipe: config.recipe,
                                           device: cpu.restricted(toThreads: 1)).stepSeconds
            },
            job: { config in
                let p = try DistributedPrediction.predict(config, profile: cpu, machine: truth)
                return .init(stepSeconds: p.stepSeconds, rankComputeSeconds: [[p.computeSeconds], [p.computeSeconds]])
            },
            run: { config in
                let p = try DistributedPrediction.predict(config, profile: cpu, machine: truth)
                return MeasuredRun(stepSeconds: p.stepSeconds, peakResidentBytes: 0, opTimings: [],
                                   communicationSeconds: p.communicationSeconds, computeSeconds: p.computeSeconds)
            })
        let (machine, _) = try DistributedValidation.run(profile: cpu, plan: plan, rounds: 3, transports: [], steps: steps)
        let fitted = try #require(machine.transports.first?.ringRegimes)
        #expect(isClose(fitted.predictedSeconds(bytes: 1_048_576),
                        1.5 * (try truth.transport(ranks: 2, algorithm: .ring).predictedSeconds(bytes: 1_048_576)),
                        relative: 1e-6))
        // An even count of rounds takes the upper median, as the step medians do.
        #expect(DistributedValidation.typical([2, 1, 4, 3].map {
            CommSample(algorithm: "ring", bytes: 4096, seconds: $0, repetitions: 5)
        }).seconds == 3)
    }

    @Test func theExposedReductionIsTheSameRunWithoutJitter() throws {
        let cpu = DeviceCatalog.developmentVM
        let config = RunConfiguration(.mlpGAN, width: 512, batch: 64, steps: 4, dataParallel: .init(ranks: 2))
        let machine = DistributedMachine(transports: [try Self.bench(ranks: 2, slower: 1)], coRunning: [
            CoRunningCalibration(ranks: 2, threadsPerRank: 1, runs: [], efficiency: 0.9, stepCoefficientOfVariation: 0.05,
                                 rankSpeedCoefficientOfVariation: 0.03)])
        #expect(try DistributedPrediction.predict(config, profile: cpu, machine: machine).exposedReductionSeconds == nil)
        let p = try DistributedPrediction.predict(config, profile: cpu, machine: machine, exposingReductions: true)
        let exposed = try #require(p.exposedReductionSeconds)
        // The ranks' waits for one another come on top of it, and the losses' average.
        #expect(exposed > 0 && exposed < p.communicationSeconds)
        var quiet = machine
        quiet.coRunning[0].stepCoefficientOfVariation = 0
        quiet.coRunning[0].rankSpeedCoefficientOfVariation = 0
        let lossAverage = try machine.transport(ranks: 2, algorithm: .mpi).predictedSeconds(bytes: 16)
        #expect(isClose(exposed + lossAverage,
                        try DistributedPrediction.predict(config, profile: cpu, machine: quiet).communicationSeconds,
                        relative: 1e-9))
    }
}
