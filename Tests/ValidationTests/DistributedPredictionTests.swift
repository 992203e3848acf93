import Foundation
import CostModel
import TestSupport
import Testing
import Distributed
@testable import Simulator
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

    @Test func aStateBeyondACoresOwnCacheReducesOnTheEvictedTransport() throws {
        // The same machine, with a transport four times as slow once the caches are evicted.
        let warm = try Self.machine(ranks: [2])
        var evicted = warm
        let samples = warm.transports[0].samples + warm.transports[0].samples.map {
            CommSample(algorithm: $0.algorithm, bytes: $0.bytes, seconds: 4 * $0.seconds, repetitions: 5, cacheEvicted: true)
        }
        evicted.transports = [try CommCalibration(ranks: 2, hosts: ["test", "test"], samples: samples)]
        var profile = DeviceCatalog.developmentVM
        profile.privateCacheBytes = 2 << 20
        profile.privateCacheSpeedup = 1
        // mlp-gan w2048's 134 MB state is far beyond a core's 2 MiB: nearly all its reductions' time is the evicted
        // transport's. w512's 8.5 MB fits the last-level cache but not the core's own: the share beyond it, 1 - 2 MiB /
        // 8.5 MB, is. w128's fits: its reductions keep the warm transport.
        func exposed(_ width: Int, _ machine: DistributedMachine) throws -> Double {
            let config = RunConfiguration(.mlpGAN, width: width, batch: 64, steps: 4, dataParallel: .init(ranks: 2))
            return try #require(try DistributedPrediction.predict(config, profile: profile, machine: machine,
                                                                  exposingReductions: true).exposedReductionSeconds)
        }
        let large = try exposed(2048, evicted) / exposed(2048, warm)
        #expect(large > 3.9 && large < 4)
        let model = try RunConfiguration(.mlpGAN, width: 512, batch: 64, steps: 4, dataParallel: .init(ranks: 2)).modelConfig.build()
        let state = 16 * Double(model.generator.parameterCount + model.discriminator.parameterCount)  // weights, gradients, Adam's two moments
        #expect(isClose(try exposed(512, evicted) / exposed(512, warm), 1 + 3 * (1 - Double(2 << 20) / state), relative: 1e-6))
        #expect(try exposed(128, evicted) == exposed(128, warm))
        // A profile without a measured private cache keeps the last-level cache's share.
        let small = RunConfiguration(.mlpGAN, width: 512, batch: 64, steps: 4, dataParallel: .init(ranks: 2))
        #expect(try DistributedPrediction.predict(small, profile: DeviceCatalog.developmentVM, machine: evicted)
            == DistributedPrediction.predict(small, profile: DeviceCatalog.developmentVM, machine: warm))
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

    @Test func coRunningFitsTheEfficiencyAtWhichTheSimulatedJobsTakeTheirMeasuredSteps() throws {
        let cpu = DeviceCatalog.developmentVM
        let machine = try Self.machine(efficiency: 0.8, ranks: [4])
        var alone: [RunConfiguration] = []
        // Jobs that take the simulator's steps at efficiency 0.8, four ranks on two cores; work alone as priced.
        let c = try CoRunningCalibration.measure(ranks: 4, profile: cpu, transports: machine.transports, rounds: 2, alone: { config in
            alone.append(config)
            return try Validator.singleDevice(config.modelConfig.build(), recipe: config.recipe, device: cpu.restricted(toThreads: 1)).stepSeconds
        }, job: { config in
            let p = try DistributedPrediction.predict(config, profile: cpu, machine: machine)
            return .init(stepSeconds: p.stepSeconds, rankComputeSeconds: Array(repeating: [p.computeSeconds, p.computeSeconds], count: 4))
        })
        let configurations = CoRunningCalibration.configurations(ranks: 4)
        #expect(alone == (configurations + configurations).map(\.singleRank))
        #expect(isClose(c.efficiency, 0.8, relative: 1e-6))
        #expect(c.stepCoefficientOfVariation == 0)
        #expect(c.runs.allSatisfy { $0.jobStepSeconds != nil && $0.predictedAloneStepSeconds != nil })
    }

    @Test func ranksWithMoreThreadsThanTheirShareAreTimedAloneOnTheirShare() throws {
        let cpu = DeviceCatalog.developmentVM
        #expect(cpu.cores == 2)
        let transports = try Self.machine(ranks: [2]).transports
        var alone: [RunConfiguration] = []
        let c = try CoRunningCalibration.measure(ranks: 2, threads: 2, profile: cpu, transports: transports, alone: { config in
            alone.append(config)
            return 0.01
        }, job: { config in .init(stepSeconds: 0.02, rankComputeSeconds: [[0.018, 0.02], [0.02, 0.018]]) })
        // Two ranks of two threads on two cores: each is priced, and timed alone, on its one core.
        #expect(!alone.isEmpty && alone.allSatisfy { $0.threads == 1 })
        #expect(c.threadsPerRank == 2 && c.ranks == 2)
        #expect(c.stepCoefficientOfVariation > 0)
        // The machine knows the sharing by rank and thread count, and names what it measured when asked for another.
        // The validation plan is measured at each of its rank and thread counts once.
        #expect(CoRunningCalibration.cases(of: Plans.dataParallel).map { [$0.ranks, $0.threads] } == [[2, 1], [2, 2], [4, 1]])
        let measured = DistributedMachine(transports: transports, coRunning: [c])
        #expect(try measured.sharing(ranks: 2, threads: 2).efficiency == c.efficiency)
        #expect(throws: MPIError.self) { try measured.sharing(ranks: 2, threads: 1) }
    }

    @Test func oversubscribedRanksFitTheirEfficiencyAndTheirSplitPassesSlowdown() throws {
        let cpu = DeviceCatalog.developmentVM
        let transports = try Self.machine(ranks: [2]).transports
        // Jobs of two 2-thread ranks on two cores that take the simulator's steps at efficiency 0.8, split passes 1.6x,
        // split convolutions 2.2x.
        let truth = CoRunningCalibration(ranks: 2, threadsPerRank: 2, runs: [], efficiency: 0.8, stepCoefficientOfVariation: 0,
                                         splitSlowdown: 1.6, convolutionSplitSlowdown: 2.2)
        let machine = DistributedMachine(transports: transports, coRunning: [truth])
        func alone(_ config: RunConfiguration) throws -> Double {
            try Validator.singleDevice(config.modelConfig.build(), recipe: config.recipe,
                                       device: cpu.restricted(toThreads: config.threads)).stepSeconds
        }
        func job(_ config: RunConfiguration) throws -> CoRunningCalibration.Job {
            let p = try DistributedPrediction.predict(config, profile: cpu, machine: machine)
            return .init(stepSeconds: p.stepSeconds, rankComputeSeconds: [[p.computeSeconds], [p.computeSeconds]])
        }
        let c = try CoRunningCalibration.measure(ranks: 2, threads: 2, profile: cpu, transports: transports, alone: alone, job: job)
        #expect(isClose(c.efficiency, 0.8, relative: 1e-4))
        #expect(isClose(try #require(c.splitSlowdown), 1.6, relative: 1e-4))
        #expect(isClose(try #require(c.convolutionSplitSlowdown), 2.2, relative: 1e-4))
        // Given the efficiency of one-thread ranks at this rank count, they keep it and fit the slowdown alone.
        let shared = try CoRunningCalibration.measure(ranks: 2, threads: 2, profile: cpu, transports: transports,
                                                      sharedEfficiency: 0.8, alone: alone, job: job)
        #expect(shared.efficiency == 0.8)
        #expect(isClose(try #require(shared.splitSlowdown), 1.6, relative: 1e-4))
        #expect(isClose(try #require(shared.convolutionSplitSlowdown), 2.2, relative: 1e-4))
        // Without a job that splits a convolution, convolutions have no slowdown of their own.
        let products = try CoRunningCalibration.measure(ranks: 2, threads: 2, profile: cpu, transports: transports,
                                                        sharedEfficiency: 0.8,
                                                        configurations: Array(CoRunningCalibration.configurations(ranks: 2, threads: 2).prefix(2)),
                                                        alone: alone, job: job)
        #expect(isClose(try #require(products.splitSlowdown), 1.6, relative: 1e-4))
        #expect(products.convolutionSplitSlowdown == nil)
        // Ranks whose threads have their cores fit no slowdown.
        let t1 = try CoRunningCalibration.measure(ranks: 2, profile: cpu, transports: transports, alone: { _ in 0.01 },
                                                  job: { _ in .init(stepSeconds: 0.012, rankComputeSeconds: [[0.011], [0.011]]) })
        #expect(t1.splitSlowdown == nil)
        #expect(t1.rankSpeedCoefficientOfVariation == 0)
        // Ranks 10% apart for a whole job: their medians are kept and their spread measured.
        let apart = try CoRunningCalibration.measure(ranks: 2, profile: cpu, transports: transports, alone: { _ in 0.01 },
                                                     job: { _ in .init(stepSeconds: 0.012, rankComputeSeconds: [[0.010, 0.010], [0.011, 0.011]]) })
        #expect(apart.runs.allSatisfy { $0.rankMedianComputeSeconds == [0.010, 0.011] })
        #expect(isClose(try #require(apart.rankSpeedCoefficientOfVariation), (5e-7).squareRoot() / 0.0105, relative: 1e-12))
    }

    @Test func ranksOutnumberingTheCoresTimeTheirCoreMatesTurnsAsWaiting() throws {
        let cpu = DeviceCatalog.developmentVM
        let cores = try #require(cpu.cores)
        let config = RunConfiguration(.mlpGAN, width: 512, batch: 64 * cores, steps: 4, dataParallel: .init(ranks: 2 * cores))
        var machine = try Self.machine(efficiency: 0.8, ranks: [2 * cores])
        let sideBySide = try DistributedPrediction.predict(config, profile: cpu, machine: machine)
        machine.coRunning[0].overlapSeconds = 5e-3
        let turns = try DistributedPrediction.predict(config, profile: cpu, machine: machine)
        // The step is the simulator's; of the compute, what runs while a core-mate waits is timed at the whole core, and
        // the rest of the simulated compute is timed as waiting.
        let wholeCore = sideBySide.computeSeconds * 0.8 / 2
        let timed = sideBySide.computeSeconds * (1 - 0.5 * exp(-wholeCore / 5e-3))
        #expect(turns.stepSeconds == sideBySide.stepSeconds)
        #expect(isClose(turns.computeSeconds, timed, relative: 1e-12))
        #expect(isClose(turns.communicationSeconds, sideBySide.communicationSeconds + sideBySide.computeSeconds - timed,
                        relative: 1e-12))
        // No overlap at all: each rank has the whole core, at the sharing efficiency; certain overlap: the simulated
        // compute.
        let c = machine.coRunning[0]
        var never = c, always = c
        never.overlapSeconds = .infinity
        always.overlapSeconds = 0
        #expect(isClose(never.timedComputeSeconds(simulatedSeconds: 0.02, ranksPerCore: 2), 0.01, relative: 1e-12))
        #expect(always.timedComputeSeconds(simulatedSeconds: 0.02, ranksPerCore: 2) == 0.02)
        #expect(c.timedComputeSeconds(simulatedSeconds: 0.02, ranksPerCore: 1) == 0.02)
    }

    @Test func theOverlapIsFittedToTheJobsTimedComputeAndLeavesTheirStepsAlone() throws {
        let cpu = DeviceCatalog.developmentVM
        let machine = try Self.machine(ranks: [4])
        // Jobs of four ranks on two cores that take the simulator's steps at efficiency 0.8 and time their compute with
        // a 6 ms overlap.
        var truth = machine.coRunning[0]
        truth.efficiency = 0.8
        truth.overlapSeconds = 6e-3
        let jobs = DistributedMachine(transports: machine.transports, coRunning: [truth])
        let c = try CoRunningCalibration.measure(ranks: 4, profile: cpu, transports: machine.transports, alone: { config in
            try Validator.singleDevice(config.modelConfig.build(), recipe: config.recipe, device: cpu.restricted(toThreads: 1)).stepSeconds
        }, job: { config in
            let p = try DistributedPrediction.predict(config, profile: cpu, machine: jobs)
            return .init(stepSeconds: p.stepSeconds, rankComputeSeconds: Array(repeating: [p.computeSeconds], count: 4))
        })
        #expect(isClose(c.efficiency, 0.8, relative: 1e-6))
        #expect(isClose(try #require(c.overlapSeconds), 6e-3, relative: 1e-4))
        // The overlap moves compute into waiting and leaves the steps as they were.
        let config = CoRunningCalibration.configurations(ranks: 4)[0]
        var without = c
        without.overlapSeconds = nil
        let turns = try DistributedPrediction.predict(
            config, profile: cpu, machine: DistributedMachine(transports: machine.transports, coRunning: [c]))
        let sideBySide = try DistributedPrediction.predict(
            config, profile: cpu, machine: DistributedMachine(transports: machine.transports, coRunning: [without]))
        #expect(turns.stepSeconds == sideBySide.stepSeconds)
        #expect(turns.computeSeconds < sideBySide.computeSeconds)
        // Ranks with a core each fit none.
        let two = try CoRunningCalibration.measure(ranks: 2, profile: cpu, transports: try Self.machine(ranks: [2]).transports,
                                                   alone: { _ in 0.01 },
                                                   job: { _ in .init(stepSeconds: 0.012, rankComputeSeconds: [[0.011], [0.011]]) })
        #expect(two.overlapSeconds == nil)
    }

    @Test func theSpreadBetweenRanksIsTheirMediansLessTheirNoise() {
        // Two ranks at 10 and 11 ms every step: the sample deviation of the medians over their mean.
        let steady = CoRunningCalibration.rankSpeedSpread([[Array(repeating: 0.010, count: 9), Array(repeating: 0.011, count: 9)]])
        #expect(isClose(steady, (5e-7).squareRoot() / 0.0105, relative: 1e-12))
        // Noisy ranks with equal medians have none; nor has a job of one rank or none.
        let noisy = [0.98, 0.99, 1.0, 1.01, 1.02]
        #expect(CoRunningCalibration.rankSpeedSpread([[noisy, noisy.reversed()]]) == 0)
        #expect(CoRunningCalibration.rankSpeedSpread([[noisy]]) == 0)
        #expect(CoRunningCalibration.rankSpeedSpread([]) == 0)
        // Jobs take the median of their spreads: one whose rank was slowed by half for its whole length does not set it.
        let jobs = CoRunningCalibration.rankSpeedSpread([
            [Array(repeating: 0.010, count: 9), Array(repeating: 0.011, count: 9)], [[0.02], [0.02]],
            [Array(repeating: 0.010, count: 9), Array(repeating: 0.015, count: 9)]])
        #expect(isClose(jobs, steady, relative: 1e-12))
    }

    @Test func ranksUnequalInSpeedWaitForTheSlowest() throws {
        var machine = try Self.machine(ranks: [2])
        let config = RunConfiguration(.mlpGAN, width: 512, batch: 64, steps: 4, dataParallel: .init(ranks: 2))
        let even = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: machine)
        machine.coRunning[0].rankSpeedCoefficientOfVariation = 0.05
        let uneven = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: machine)
        // The ranks' compute is 1 -+ 0.05 * 0.5895 of the even one's: the same on average, and the faster waits for
        // the slower by their difference, so the ranks' mean waiting grows by 0.05 * 0.5895 of the compute.
        #expect(isClose(uneven.computeSeconds, even.computeSeconds, relative: 1e-9))
        #expect(isClose(uneven.communicationSeconds - even.communicationSeconds, 0.05 * 0.5895 * even.computeSeconds,
                        relative: 0.05))
    }

    @Test func aRanksWaitingIsItsMedianAsARunReportsIt() {
        // Each device computes 1 - w of an iteration of 1 s and communicates w / 2: the rest is idle at the end, so it
        // does not compute for w.
        func record(_ iteration: Int, _ w: [Double]) -> IterationRecord {
            IterationRecord.averaging(iteration: iteration, startSeconds: 0, endSeconds: 1, compute: w.map { 1 - $0 },
                                      communication: w.map { $0 / 2 }, stall: [0, 0], idle: [0, 0], activity: [0, 0])
        }
        let records = [record(0, [0.9, 0.9]), record(1, [0.1, 0]), record(2, [0, 0.3]), record(3, [0.2, 0])]
        #expect(zip(records[2].deviceWaitingSeconds, [0, 0.3]).allSatisfy { isClose($0, $1, relative: 1e-12) })
        // The first iteration left out, device 0 waits 0.1, 0, 0.2 (median 0.1) and device 1 0, 0.3, 0 (median 0); the
        // means over the iterations would be 0.1 each.
        #expect(isClose(DistributedPrediction.medianWaitingSeconds(records), 0.05, relative: 1e-12))
        #expect(DistributedPrediction.medianWaitingSeconds([]) == 0)
    }

    @Test func theMachinesMeasuredSpeedRescalesTheProfile() throws {
        let base = try Self.machine(ranks: [2])
        var sharing = base.coRunning[0]
        sharing.runs = [
            .init(label: "a", aloneStepSeconds: 0.011, predictedAloneStepSeconds: 0.010, rankComputeSeconds: 0.011),
            .init(label: "b", aloneStepSeconds: 0.0121, predictedAloneStepSeconds: 0.010, rankComputeSeconds: 0.012),
            .init(label: "unpriced", aloneStepSeconds: 0.5, predictedAloneStepSeconds: nil, rankComputeSeconds: 0.5)]
        let machine = DistributedMachine.measured(transports: base.transports, coRunning: [sharing])
        let slowdown = try #require(machine.profileSlowdown)
        #expect(isClose(slowdown, (1.1 * 1.21).squareRoot(), relative: 1e-12))  // the geometric mean of the priced runs
        #expect(DistributedMachine(transports: base.transports, coRunning: [sharing]).profileSlowdown == nil)
        let config = RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, steps: 4, dataParallel: .init(ranks: 2))
        let atProfile = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: base)
        let measured = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: machine)
        #expect(isClose(measured.computeSeconds / atProfile.computeSeconds, slowdown, relative: 1e-9))
        #expect(machine.convolutionProfileSlowdown == nil && machine.measuredProfile(DeviceCatalog.developmentVM).convolutionTimeScale == nil)
        // A run with convolutions measures them apart: its other work at the plain runs' slowdown, its convolutions 0.8
        // of their price.
        var convolutional = sharing
        convolutional.runs.append(.init(label: "c", aloneStepSeconds: slowdown * 0.004 + 0.8 * 0.006, predictedAloneStepSeconds: 0.010,
                                        predictedAloneConvolutionSeconds: 0.006, rankComputeSeconds: 0.01))
        let apart = DistributedMachine.measured(transports: base.transports, coRunning: [convolutional])
        #expect(isClose(try #require(apart.profileSlowdown), slowdown, relative: 1e-12))
        #expect(isClose(try #require(apart.convolutionProfileSlowdown), 0.8, relative: 1e-12))
        let profile = apart.measuredProfile(DeviceCatalog.developmentVM)
        #expect(isClose(try #require(profile.convolutionTimeScale), 0.8 / slowdown, relative: 1e-12))
        // The DCGAN's compute is its convolutions' at 0.8 and the rest at the slowdown: between the two.
        let ratio = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: apart).computeSeconds
            / atProfile.computeSeconds
        #expect(ratio > 0.8 && ratio < slowdown)
        // With convolutions in every run, the slowdown is all runs' and convolutions have none of their own.
        var allConvolutional = sharing
        allConvolutional.runs = [try #require(convolutional.runs.last)]
        let only = DistributedMachine.measured(transports: base.transports, coRunning: [allConvolutional])
        #expect(only.convolutionProfileSlowdown == nil)
        #expect(isClose(try #require(only.profileSlowdown), (slowdown * 0.004 + 0.8 * 0.006) / 0.010, relative: 1e-12))
    }

    @Test func onlyWhatTheOtherRanksDoNotShareMakesThemWait() throws {
        // Both ranks slowed in the same steps: a disturbance of the whole machine, no waiting.
        let together = [1.0, 1.1, 1.0, 1.1]
        #expect(CoRunningCalibration.unsharedCoefficientOfVariation([together, together]) == 0)
        // Ranks slowed in turn, and persistently apart (their medians are left out): 0.05 from the steps' mean either
        // way, over the median step 1.2 (the upper median), for two ranks.
        let turns = try #require(CoRunningCalibration.unsharedCoefficientOfVariation([together, [1.3, 1.2, 1.3, 1.2]]))
        #expect(isClose(turns, 1.4826 * 0.05 / 1.2 * 2.0.squareRoot(), relative: 1e-9))
        #expect(CoRunningCalibration.unsharedCoefficientOfVariation([together]) == nil)
        // A calibration takes the median of its jobs' spreads: one job disturbed for a stretch does not set it.
        let spreads: [[[Double]]] = [[together, together], [together, [1.3, 1.2, 1.3, 1.2]], [together, [3.0, 1.0, 3.0, 1.0]]]
        var job = 0
        let c = try CoRunningCalibration.measure(ranks: 2, profile: DeviceCatalog.developmentVM,
                                                 transports: try Self.machine(ranks: [2]).transports, alone: { _ in 1 },
                                                 job: { _ in defer { job += 1 }; return .init(stepSeconds: 1.5, rankComputeSeconds: spreads[job]) })
        #expect(isClose(c.stepCoefficientOfVariation, turns, relative: 1e-12))
        #expect(CoRunningCalibration.unsharedCoefficientOfVariation([[1.0], [1.1]]) == nil)
    }

    @Test func theSpreadsComeFromEachConfigurationsQuietestRound() throws {
        // Three rounds of each of the three jobs: the first fast but disturbed apart, the second slower and quiet, the
        // third with no unshared spread but one rank slower throughout (a neighbour on one vCPU). The efficiency is
        // fitted on the fastest jobs; the spreads are those of the quiet ones, the ranks' speeds' spread included.
        let together = [1.0, 1.1, 1.0, 1.1], apart = [1.3, 1.2, 1.3, 1.2], disturbed = [3.0, 1.0, 3.0, 1.0]
        let slower = together.map { $0 + 0.5 }
        let quiet = try #require(CoRunningCalibration.unsharedCoefficientOfVariation([together, apart]))
        #expect(CoRunningCalibration.unsharedCoefficientOfVariation([together, slower]) == 0)
        let rounds: [CoRunningCalibration.Job] = [.init(stepSeconds: 1.4, rankComputeSeconds: [together, disturbed]),
                                                  .init(stepSeconds: 1.5, rankComputeSeconds: [together, apart]),
                                                  .init(stepSeconds: 1.6, rankComputeSeconds: [together, slower])]
        var job = 0
        let c = try CoRunningCalibration.measure(
            ranks: 2, profile: DeviceCatalog.developmentVM, transports: try Self.machine(ranks: [2]).transports,
            rounds: 3, alone: { _ in 1 },
            job: { _ in
                defer { job += 1 }
                return rounds[job / 3]
            })
        #expect(isClose(c.stepCoefficientOfVariation, quiet, relative: 1e-12))
        #expect(isClose(try #require(c.rankSpeedCoefficientOfVariation), CoRunningCalibration.rankSpeedSpread(
            Array(repeating: [together, apart], count: 3)), relative: 1e-12))
        #expect(c.runs.allSatisfy { $0.jobStepSeconds == 1.4 })
    }

    @Test func ranksTakingTurnsVaryAsTheSquareRootOfTheirCompute() throws {
        // Two ranks slowed in turn by 0.05 s in steps of median 1.2 s: 1.4826 * 0.05 * sqrt(2) s of unshared spread.
        let together = [1.0, 1.1, 1.0, 1.1], apart = [1.3, 1.2, 1.3, 1.2]
        let spread = try #require(CoRunningCalibration.unsharedSpread([together, apart]))
        #expect(isClose(spread.seconds, 1.4826 * 0.05 * 2.0.squareRoot(), relative: 1e-9) && spread.medianStepSeconds == 1.2)
        #expect(CoRunningCalibration.unsharedSpread([together]) == nil)
        // Four ranks on the 2-core machine take turns: the calibration keeps a variance per second of compute and no
        // spread in proportion; its variance is the jobs' squared spreads over compute the simulator runs at half a
        // core (between their timed compute and twice it).
        let jobs: [[[Double]]] = [[together, together, together, apart], [together, apart, together, apart],
                                  [together, [3.0, 1.0, 3.0, 1.0], together, apart]]
        let perTimedSecond = try jobs.map { job in
            let s = try #require(CoRunningCalibration.unsharedSpread(job))
            return s.seconds * s.seconds / s.medianStepSeconds
        }
        var job = 0
        let machine = try Self.machine(ranks: [4])
        let four = try CoRunningCalibration.measure(ranks: 4, profile: DeviceCatalog.developmentVM, transports: machine.transports,
                                                    alone: { _ in 1 },
                                                    job: { _ in defer { job += 1 }; return .init(stepSeconds: 3, rankComputeSeconds: jobs[job]) })
        let turns = try #require(four.interruptionSeconds)
        let simulated = try four.simulatedComputeSeconds(configurations: CoRunningCalibration.configurations(ranks: 4),
                                                         profile: DeviceCatalog.developmentVM, transports: machine.transports)
        let perSimulatedSecond = try zip(jobs, simulated).map { job, simulated in
            let s = try #require(CoRunningCalibration.unsharedSpread(job))
            return s.seconds * s.seconds / (try #require(simulated))
        }
        // At the fit before the last (the last moves the simulated compute a little).
        #expect(isClose(turns, RunnerCalibration.median(perSimulatedSecond), relative: 0.1))
        #expect(turns < RunnerCalibration.median(perTimedSecond))
        #expect(four.stepCoefficientOfVariation == 0)
        job = 0
        let two = try CoRunningCalibration.measure(ranks: 2, profile: DeviceCatalog.developmentVM,
                                                   transports: try Self.machine(ranks: [2]).transports, alone: { _ in 1 },
                                                   job: { _ in defer { job += 1 }; return .init(stepSeconds: 1.5, rankComputeSeconds: [together, apart]) })
        #expect(two.interruptionSeconds == nil && isClose(two.stepCoefficientOfVariation, spread.seconds / 1.2, relative: 1e-12))
        // A prediction draws the ranks' compute with the interruptions (here about 6% of a step): they wait for one
        // another, and their compute stays what it was on average.
        let config = RunConfiguration(.mlpGAN, width: 512, batch: 256, steps: 4, dataParallel: .init(ranks: 4))
        var interrupted = machine
        let steady = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: machine)
        interrupted.coRunning[0].interruptionSeconds = 0.0036 * steady.computeSeconds
        let noisy = try DistributedPrediction.predict(config, profile: DeviceCatalog.developmentVM, machine: interrupted)
        #expect(noisy.communicationSeconds > steady.communicationSeconds && noisy.stepSeconds > steady.stepSeconds)
        #expect(isClose(noisy.computeSeconds, steady.computeSeconds, relative: 0.02))
    }

    @Test func aDisturbedStepDoesNotSetTheJitter() {
        // Normal steps 2% apart and one step three times as long: the spread is the normal steps'.
        let steady = [0.98, 0.99, 1.0, 1.01, 1.02]
        let disturbed = steady + [3.0]
        #expect(isClose(CoRunningCalibration.coefficientOfVariation(steady), 1.4826 * 0.01, relative: 1e-12))
        #expect(CoRunningCalibration.coefficientOfVariation(disturbed) < 0.04)  // the standard deviation over the mean: 0.61
        #expect(CoRunningCalibration.coefficientOfVariation([0.02, 0.02]) == 0)
    }
}
