import CostModel
import Foundation
import InputParsing

extension TrainingResult {
    /// The run with failures, checkpoints and restarts (`ReliabilitySpec`): its expected wall time, goodput and what
    /// the interruptions cost, beside the failure-free `training`, `energy` and `cost`.
    public struct Reliability: Sendable, Codable, Equatable {
        /// One run drawn on the event kernel from the seeded generator (`gansim simulate`'s event path).
        public struct Drawn: Sendable, Codable, Equatable {
            /// The generator's seed.
            public var seed: UInt64
            /// Failures that struck.
            public var failures: Int
            /// Wall seconds of the drawn run.
            public var wallSeconds: Double
            /// Useful training time over the drawn wall time.
            public var goodput: Double
        }

        /// Interruptions per hour of the whole job (its devices, servers and switches).
        public var failuresPerHour: Double
        /// Hours between interruptions of the job; nil when nothing fails.
        public var meanHoursBetweenFailures: Double?
        /// Bytes of one checkpoint (G, D, EMA, optimizer state).
        public var checkpointBytes: Int
        /// `sync` or `async`.
        public var checkpointMode: String
        /// Training stall of one checkpoint, in seconds.
        public var checkpointStallSeconds: Double
        /// Seconds to write one checkpoint to storage.
        public var checkpointWriteSeconds: Double
        /// Seconds of training between checkpoints (the run's length when it checkpoints only at its end).
        public var checkpointIntervalSeconds: Double
        /// Where that interval comes from: `young-daly`, `scenario`, or `end of run` when nothing fails.
        public var intervalBasis: String
        /// The Young–Daly interval for this failure rate and stall, in seconds; nil when nothing fails.
        public var youngDalyIntervalSeconds: Double?
        /// Checkpoints over the run (the last at its end).
        public var checkpoints: Int
        /// Seconds a failure keeps the job down: detection, restart and reading the checkpoint back.
        public var downtimeSecondsPerFailure: Double
        /// Expected failures over the run.
        public var expectedFailures: Double
        /// Expected wall seconds with failures, checkpoints and restarts.
        public var expectedWallSeconds: Double
        /// `expectedWallSeconds` in hours.
        public var expectedWallHours: Double
        /// `expectedWallSeconds` in days.
        public var expectedWallDays: Double
        /// Useful training time (`training.wallSeconds`) over the expected wall time.
        public var goodput: Double
        /// Of the expected wall time, checkpoint stalls, in seconds.
        public var checkpointingSeconds: Double
        /// Of the expected wall time, work done again after failures (and checkpoints they interrupted), in seconds.
        public var lostWorkSeconds: Double
        /// Of the expected wall time, the job down after failures, in seconds.
        public var downtimeSeconds: Double
        /// What checkpoints, lost work and downtime add to the failure-free cost, in US dollars.
        public var lostUSD: Double
        /// What they add to the failure-free facility energy, in kWh.
        public var lostKWh: Double
        /// Expected cost of the run with failures, in US dollars.
        public var expectedTotalUSD: Double
        /// Expected facility energy of the run with failures, in kWh.
        public var expectedTotalKWh: Double
        /// Expected CO2 of the run with failures, in kg.
        public var expectedCO2Kg: Double
        /// A drawn run; nil on the analytic path.
        public var drawn: Drawn?
    }

    /// The reliability block of the failure-free summary `self` of `plan`: expected figures only.
    func expectingFailures(plan: TrainingPlan) throws -> TrainingResult {
        let useful = training.wallSeconds
        let (run, youngDaly, fromScenario) = try plan.checkpointedRun(usefulSeconds: useful)
        let wall = run.expectedWallSeconds, failures = run.expectedFailures
        let perHour = plan.jobFailuresPerHour
        // A segment retried a thousand times on average, a million failures, or a thousand times the run's work lost
        // to failures, is a run that never ends.
        let retries = run.expectedFailures(segmentSeconds: run.segmentSeconds(0))
        let failing = wall - useful - Double(run.checkpoints) * run.checkpointSeconds
        guard wall.isFinite, failures <= 1e6, retries <= 1000, failing <= 1000 * useful else {
            throw ConfigurationError(
                field: "reliability", value: String(format: "%.4g failures per hour", perHour),
                reason: String(format: "the job would fail every %.4g s and checkpoint every %.4g s for %.4g s each: it is expected never to finish; lower the failure rates or checkpoint more cheaply",
                               3600 / perHour, run.intervalSeconds, run.checkpointSeconds))
        }
        let checkpointing = Double(run.checkpoints) * run.checkpointSeconds
        let downtime = failures * run.downtimeSeconds
        let lost = max(0, wall - useful - checkpointing - downtime)
        // Work done again draws the run's average power; checkpoint stalls, downtime and the last write idle power.
        let (hostWatts, networkWatts) = EnergyModel.infrastructureWatts(
            topology: plan.topology, devices: plan.devices, power: plan.power)
        let idleFacilityWatts = (Double(plan.devices) * plan.device.idleWatts + hostWatts + networkWatts) * plan.power.pue
        let lostJoules = lost * energy.averageFacilityWatts + (wall - useful - lost) * idleFacilityWatts
        let lostKWh = lostJoules / 3.6e6
        let hardwarePerSecond = useful > 0 ? cost.hardwareUSD / useful : 0
        let lostUSD = hardwarePerSecond * (wall - useful) + (plan.price.owned ? lostKWh * plan.price.usdPerKWh : 0)
        var copy = self
        copy.reliability = Reliability(
            failuresPerHour: perHour, meanHoursBetweenFailures: perHour > 0 ? 1 / perHour : nil,
            checkpointBytes: plan.checkpointBytes, checkpointMode: plan.reliability.mode.rawValue,
            checkpointStallSeconds: run.checkpointSeconds,
            checkpointWriteSeconds: Double(plan.checkpointBytes) / plan.checkpointStorageBytesPerSecond,
            checkpointIntervalSeconds: run.intervalSeconds,
            intervalBasis: fromScenario ? "scenario" : (youngDaly == nil ? "end of run" : "young-daly"),
            youngDalyIntervalSeconds: youngDaly, checkpoints: run.checkpoints, downtimeSecondsPerFailure: run.downtimeSeconds,
            expectedFailures: failures, expectedWallSeconds: wall, expectedWallHours: wall / 3600, expectedWallDays: wall / 86400,
            goodput: wall > 0 ? useful / wall : 1, checkpointingSeconds: checkpointing, lostWorkSeconds: lost, downtimeSeconds: downtime,
            lostUSD: lostUSD, lostKWh: lostKWh, expectedTotalUSD: cost.totalUSD + lostUSD, expectedTotalKWh: energy.totalKWh + lostKWh,
            expectedCO2Kg: (energy.totalKWh + lostKWh) * plan.power.gramsCO2PerKWh / 1000, drawn: nil)
        return copy
    }

    /// `self` with one run drawn on the event kernel, from a generator of its own seeded by the plan's seed (so that
    /// the draws do not change the iterations' jitter).
    func drawingFailures(plan: TrainingPlan) throws -> TrainingResult {
        guard var reliability else { return self }
        let (run, _, _) = try plan.checkpointedRun(usefulSeconds: training.wallSeconds)
        let seed = plan.seed
        let outcome = FailureTimeline.draw(run, random: RandomStream(seed: seed ^ 0x5eed_fa11))
        reliability.drawn = Reliability.Drawn(
            seed: seed, failures: outcome.failures, wallSeconds: outcome.wallSeconds,
            goodput: outcome.wallSeconds > 0 ? training.wallSeconds / outcome.wallSeconds : 1)
        var copy = self
        copy.reliability = reliability
        return copy
    }
}

extension TrainingResult {
    /// Expected wall seconds of the run with failures and checkpoints; the failure-free time without a reliability block.
    public var expectedWallSeconds: Double { reliability?.expectedWallSeconds ?? training.wallSeconds }
    /// Expected cost of the run with failures and checkpoints, in US dollars.
    public var expectedTotalUSD: Double { reliability?.expectedTotalUSD ?? cost.totalUSD }
    /// Expected facility energy of the run with failures and checkpoints, in kWh.
    public var expectedTotalKWh: Double { reliability?.expectedTotalKWh ?? energy.totalKWh }
    /// Useful training time over the expected wall time (1 without a reliability block).
    public var goodput: Double { reliability?.goodput ?? 1 }
}

extension TrainingResult {
    /// The validated range of `expectedWallSeconds`: the failure-free run's (`trainingSecondsInterval`) stretched by
    /// the same expected overhead of failures and checkpoints; nil where the profile is not validated.
    public var expectedWallSecondsInterval: [Double]? {
        let stretch = training.wallSeconds > 0 ? expectedWallSeconds / training.wallSeconds : 1
        return trainingSecondsInterval?.map { $0 * stretch }
    }
}
