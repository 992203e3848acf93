import CostModel
import Foundation
import TestSupport
import Testing
import Workload
@testable import Simulator

/// Failures, checkpoints and goodput: the closed form, the Young–Daly interval, the drawn timeline and the scenario section.
@Suite struct ReliabilityTests {
    /// A run of 1,000 h failing once per 20 h, 2-minute checkpoints, 30 minutes down per failure.
    private func run(interval: Double, lag: Double = 0, failuresPerHour: Double = 0.05, usefulSeconds: Double = 1000 * 3600) -> CheckpointedRun {
        CheckpointedRun(usefulSeconds: usefulSeconds, failuresPerSecond: failuresPerHour / 3600, checkpointSeconds: 120,
                        durabilityLagSeconds: lag, downtimeSeconds: 1800, intervalSeconds: interval)
    }

    @Test func theDefaultRatesAreTheLlama3Statistics() {
        // 419 unexpected interruptions over 54 days on 16,384 GPUs in 2,048 servers; 58.7% of them GPU issues.
        let rates = FailureRates.llama3
        let gpuHours = 16_384.0 * 54 * 24
        #expect(isClose(rates.perDeviceHour, 0.587 * 419 / gpuHours, absolute: 1e-15))
        #expect(isClose(rates.perServerHour, 0.413 * 419 / (gpuHours / 8), absolute: 1e-15))
        // The whole Llama 3 job: 419 interruptions in 54 days.
        let job = rates.jobFailuresPerHour(devices: 16_384, servers: 2048, switches: 0)
        #expect(isClose(job * 54 * 24, 419, absolute: 1e-9))
    }

    @Test func withoutFailuresARunIsItsWorkAndItsCheckpoints() {
        let r = run(interval: 10 * 3600, failuresPerHour: 0)
        #expect(r.checkpoints == 100)
        #expect(r.expectedFailures == 0)
        #expect(isClose(r.expectedWallSeconds, 1000 * 3600 + 100 * 120, absolute: 1e-6))
        // A last, shorter segment: 1,000 h in 7-hour intervals is 142 full segments and 6 h.
        let uneven = run(interval: 7 * 3600, failuresPerHour: 0)
        #expect(uneven.checkpoints == 143)
        #expect(isClose(uneven.lastSegmentSeconds, 6 * 3600, absolute: 1e-6))
        #expect(isClose(uneven.expectedWallSeconds, 1000 * 3600 + 143 * 120, absolute: 1e-6))
    }

    @Test func aSegmentTakesDalysExpectation() {
        // One segment of s = 1 h + 120 s at λ = 0.05/h: (e^{λ s} − 1)(1/λ + R).
        let r = run(interval: 3600, usefulSeconds: 3600)
        let lambda = 0.05 / 3600, s = 3600.0 + 120
        #expect(isClose(r.expectedWallSeconds, (exp(lambda * s) - 1) * (1 / lambda + 1800), absolute: 1e-6))
        #expect(isClose(r.expectedFailures, exp(lambda * s) - 1, absolute: 1e-12))
    }

    @Test func theYoungDalyIntervalMinimisesTheExpectedTime() {
        let m = 20.0 * 3600, delta = 120.0
        let youngDaly = CheckpointedRun.youngDalyIntervalSeconds(checkpointSeconds: delta, meanSecondsBetweenFailures: m)
        // Young's first-order interval is sqrt(2 δ M); Daly's estimate refines it by a few percent.
        #expect(isClose(youngDaly, (2 * delta * m).squareRoot(), relative: 0.05))
        // The expected time of a long run, per unit of work, as a function of the interval (no rounding to whole segments).
        let lambda = 1 / m
        func perWork(_ tau: Double) -> Double { expm1(lambda * (tau + delta)) * (m + 1800) / tau }
        var best = youngDaly, bestValue = perWork(youngDaly)
        for step in 1...4000 {
            let tau = Double(step) * 10
            if perWork(tau) < bestValue { best = tau; bestValue = perWork(tau) }
        }
        #expect(isClose(best, youngDaly, relative: 0.01))
        #expect(perWork(youngDaly) <= bestValue * 1.000_01)
        // Nothing fails: no periodic checkpoints; a checkpoint dearer than twice the MTBF: the MTBF.
        #expect(CheckpointedRun.youngDalyIntervalSeconds(checkpointSeconds: delta, meanSecondsBetweenFailures: .infinity) == .infinity)
        #expect(CheckpointedRun.youngDalyIntervalSeconds(checkpointSeconds: 3 * m, meanSecondsBetweenFailures: m) == m)
    }

    /// Mean and standard deviation of drawn wall times over `draws` seeds.
    private func draws(_ r: CheckpointedRun, count: Int) -> (mean: Double, sd: Double, failures: Double) {
        var walls: [Double] = [], failures = 0
        for seed in 1...count {
            let outcome = FailureTimeline.draw(r, random: RandomStream(seed: UInt64(seed)))
            walls.append(outcome.wallSeconds)
            failures += outcome.failures
        }
        let mean = walls.reduce(0, +) / Double(count)
        let sd = (walls.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)).squareRoot()
        return (mean, sd, Double(failures) / Double(count))
    }

    @Test func drawnRunsAgreeWithTheExpectationOnAverage() {
        // Synchronous checkpoints: the closed form is exact, so the mean of 400 draws lies within 4 standard errors.
        let sync = run(interval: 4 * 3600, usefulSeconds: 200 * 3600)
        let (mean, sd, failures) = draws(sync, count: 400)
        #expect(sync.expectedFailures > 5)
        #expect(isClose(mean, sync.expectedWallSeconds, absolute: 4 * sd / 20))
        #expect(isClose(failures, sync.expectedFailures, relative: 0.1))
        // Asynchronous: the closed form counts the write window to first order; short windows agree within 1%.
        let async = run(interval: 4 * 3600, lag: 300, usefulSeconds: 200 * 3600)
        let drawn = draws(async, count: 400)
        #expect(isClose(drawn.mean, async.expectedWallSeconds, relative: 0.01))
        #expect(async.expectedWallSeconds > sync.expectedWallSeconds)
    }

    @Test func theSameSeedDrawsTheSameRun() {
        let r = run(interval: 4 * 3600, usefulSeconds: 200 * 3600)
        #expect(FailureTimeline.draw(r, random: RandomStream(seed: 7)) == FailureTimeline.draw(r, random: RandomStream(seed: 7)))
    }

    private let scenario = """
        model: {architecture: dcgan, resolution: 64}
        recipe: {batchPerDevice: 64}
        cluster: {topology: dgx-a100, device: a100-80gb, devices: 64}
        training: {iterations: 2000000}
        simulate: {iterations: 3}
        """

    @Test func aScenarioReportsTheRunWithFailures() throws {
        let result = try TrainingScenario(yaml: scenario, defaultName: "s").simulate()
        let r = try #require(result.reliability)
        // 64 A100s in 8 servers at the Llama 3 rates.
        #expect(isClose(r.failuresPerHour, FailureRates.llama3.jobFailuresPerHour(devices: 64, servers: 8, switches: 1), absolute: 1e-15))
        #expect(r.intervalBasis == "young-daly")
        #expect(r.expectedWallSeconds > result.training.wallSeconds)
        #expect(isClose(r.goodput, result.training.wallSeconds / r.expectedWallSeconds, absolute: 1e-12))
        // The wall time is work, checkpoints, lost work and downtime.
        #expect(isClose(r.expectedWallSeconds - result.training.wallSeconds - r.checkpointingSeconds - r.lostWorkSeconds, r.downtimeSeconds, absolute: 1e-6 * r.expectedWallSeconds))
        // The checkpoint: fp32 G and D and Adam's two moments (DCGAN keeps no EMA); an EMA of G adds 4 bytes per G parameter.
        let model = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        let g = model.generator.parameterCount, d = model.discriminator.parameterCount
        #expect(r.checkpointBytes == 4 * (g + d) + 8 * (g + d))
        let ema = try TrainingScenario(
            yaml: scenario.replacingOccurrences(of: "{batchPerDevice: 64}", with: "{batchPerDevice: 64, ema: true}"), defaultName: "s")
        #expect(ema.plan.checkpointBytes == r.checkpointBytes + 4 * g)
        #expect(isClose(r.expectedTotalUSD - result.cost.totalUSD, r.lostUSD, absolute: 1e-9 * r.expectedTotalUSD))
        #expect(r.lostUSD > 0 && r.lostKWh > 0)
        #expect(r.drawn?.seed == 1)
        // The analytic path carries the same expectation and no draw.
        let estimate = try TrainingScenario(yaml: scenario, defaultName: "s").estimate(cache: ScenarioCache())
        #expect(estimate.reliability?.drawn == nil)
        #expect(isClose(estimate.reliability!.youngDalyIntervalSeconds!, r.youngDalyIntervalSeconds!, relative: 0.05))
    }

    @Test func aScenarioSetsRatesIntervalAndMode() throws {
        let yaml = scenario + """

            reliability:
              failuresPerDeviceHour: 0.001
              failuresPerServerHour: 0
              detectTime: 1min
              restartTime: 5min
              checkpointInterval: 2h
              checkpointMode: async
              checkpointBandwidth: 1GB/s
            """
        let r = try #require(try TrainingScenario(yaml: yaml, defaultName: "s").simulate().reliability)
        #expect(isClose(r.failuresPerHour, 0.064, absolute: 1e-12))
        #expect(r.checkpointIntervalSeconds == 7200)
        #expect(r.intervalBasis == "scenario")
        #expect(r.checkpointMode == "async")
        #expect(isClose(r.checkpointWriteSeconds, Double(r.checkpointBytes) / 1e9, absolute: 1e-12))
        #expect(r.checkpointStallSeconds < r.checkpointWriteSeconds)
        // Detection, restart and 64 devices reading the checkpoint at 1 GB/s.
        #expect(isClose(r.downtimeSecondsPerFailure, 60 + 300 + 64 * Double(r.checkpointBytes) / 1e9, absolute: 1e-9))
        // Nothing fails: one checkpoint at the end.
        let none = try #require(try TrainingScenario(
            yaml: scenario + "\nreliability: {failuresPerDeviceHour: 0, failuresPerServerHour: 0}", defaultName: "s").simulate().reliability)
        #expect(none.checkpoints == 1 && none.expectedFailures == 0 && none.intervalBasis == "end of run")
        #expect(none.youngDalyIntervalSeconds == nil && none.meanHoursBetweenFailures == nil)
    }

    @Test func badReliabilityFieldsNameTheFieldValueAndLine() throws {
        func message(_ section: String) -> String {
            do {
                _ = try TrainingScenario(yaml: scenario + "\nreliability:\n" + section, defaultName: "s").simulate()
                return "no error"
            } catch { return "\(error)" }
        }
        #expect(message("  checkpointInterval: 0s").contains("reliability.checkpointInterval"))
        #expect(message("  checkpointInterval: soon").contains("reliability.checkpointInterval"))
        #expect(message("  checkpointMode: lazy").contains("expected one of sync, async"))
        #expect(message("  failuresPerDeviceHour: -1").contains("reliability.failuresPerDeviceHour"))
        #expect(message("  checkpointBandwidth: 0GB/s").contains("reliability.checkpointBandwidth"))
        #expect(message("  mtbf: 5h").contains("unknown field"))
        // An asynchronous write longer than the interval, and a job that cannot finish.
        #expect(message("  checkpointMode: async\n  checkpointBandwidth: 1kB/s\n  checkpointInterval: 1h").contains("asynchronous checkpoint"))
        #expect(message("  failuresPerDeviceHour: 100").contains("never to finish"))
    }
}
