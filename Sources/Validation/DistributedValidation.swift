import CostModel
import Distributed

/// Measures the machine and validates the data-parallel plan in one session: the transport benchmarks, the sharing
/// jobs and the plan's runs interleaved round by round, so that all of them see the same machine.
///
/// The predictions rest on measurements of configurations outside the plan (`DistributedMachine`): the transport at
/// each rank count, how ranks share the cores, and the machine's speed on the day (`profileSlowdown`). On a shared
/// machine whose speed drifts for minutes at a time (docs/cpu-model.md), measurements taken before the plan's runs
/// carry the speed of their own stretch into every prediction; interleaving gives every measurement and every run of
/// the plan runs in the same stretches, as `CalibratedValidation` does for one process. The plan's configurations stay
/// unseen by the fits.
public enum DistributedValidation {
    /// What one round runs, one measurement at a time.
    public struct Steps {
        /// One `comm-bench` of the transport at a rank count.
        public var commBench: (Int) throws -> CommCalibration
        /// One process's run of a configuration alone: its median step seconds.
        public var alone: (RunConfiguration) throws -> Double
        /// One sharing MPI job.
        public var job: (RunConfiguration) throws -> CoRunningCalibration.Job
        /// One run of a configuration of the plan.
        public var run: (RunConfiguration) throws -> MeasuredRun

        public init(commBench: @escaping (Int) throws -> CommCalibration, alone: @escaping (RunConfiguration) throws -> Double,
                    job: @escaping (RunConfiguration) throws -> CoRunningCalibration.Job,
                    run: @escaping (RunConfiguration) throws -> MeasuredRun) {
            self.commBench = commBench
            self.alone = alone
            self.job = job
            self.run = run
        }
    }

    /// The machine measured (each benchmark size's median time over the rounds, each sharing run's fastest) and the
    /// plan's fastest runs against their predictions on `profile`, over `rounds` interleaved rounds; rank counts with a
    /// transport in `transports` are not benchmarked. `progress(i, n, label)` counts measurements.
    ///
    /// A plan's run is kept for its fastest step, which its compute sets; the reductions inside it are the transport's
    /// ordinary draws, so the transport is fitted to each size's median round (`typical`), not to its fastest.
    ///
    /// - Throws: whatever `steps` throw, `MPIError` for a transport that cannot be fitted, the model's and the
    ///   simulator's errors.
    public static func run(profile: DeviceProfile, plan: [RunConfiguration], rounds: Int, transports given: [CommCalibration],
                           steps: Steps, progress: ((Int, Int, String) -> Void)? = nil) throws
        -> (machine: DistributedMachine, report: ValidationReport) {
        precondition(rounds >= 1, "rounds must be at least 1")
        // Build first: a configuration the model cannot build stops before anything runs.
        let models = try Validator.models(plan)
        let benchmarked = Set(plan.map(\.ranks)).subtracting(given.map(\.ranks)).sorted()
        var sharing = CoRunningCalibration.cases(of: plan).map {
            CoRunningCalibration.Measurement(ranks: $0.ranks, threads: $0.threads, profile: profile)
        }
        let perRound = benchmarked.count + sharing.reduce(0) { $0 + 2 * $1.configurations.count } + plan.count
        var done = 0
        func step(_ label: String, round: Int) {
            progress?(done, perRound * rounds, rounds > 1 ? "\(label) (round \(round + 1)/\(rounds))" : label)
            done += 1
        }
        var samples: [Int: [String: [CommSample]]] = [:]
        var hosts: [Int: [String]] = [:]
        var runs = [[MeasuredRun]](repeating: [], count: plan.count)
        for round in 0..<rounds {
            for ranks in benchmarked {
                step("comm-bench np \(ranks)", round: round)
                let bench = try steps.commBench(ranks)
                hosts[ranks] = bench.hosts
                for s in bench.samples {
                    samples[ranks, default: [:]]["\(s.algorithm) \(s.bytes) \(s.evicted)", default: []].append(s)
                }
            }
            // Each case times its own work alone, though the same work recurs at other rank and thread counts: the
            // fastest of as many runs as each configuration of the plan has, so that the machine's speed measured and
            // the plan's runs are the same order statistic of the machine's drifting speed.
            for i in sharing.indices {
                try sharing[i].round(alone: { config in
                    step("\(config.label) alone", round: round)
                    return try steps.alone(config)
                }, job: { config in
                    step(config.label, round: round)
                    return try steps.job(config)
                })
            }
            for (i, config) in plan.enumerated() {
                step(config.label, round: round)
                runs[i].append(try steps.run(config))
            }
        }
        progress?(perRound * rounds, perRound * rounds, "fitting")
        var transports = given
        for ranks in benchmarked {
            let medians = (samples[ranks] ?? [:]).values.map(typical).sorted {
                ($0.evicted ? 1 : 0, $0.algorithm, $0.bytes) < ($1.evicted ? 1 : 0, $1.algorithm, $1.bytes)
            }
            transports.append(try CommCalibration(ranks: ranks, hosts: hosts[ranks] ?? [], samples: medians))
        }
        // Ranks with more threads than cores take the efficiency measured at their rank count with one thread each
        // (the cases come in that order).
        var coRunning: [CoRunningCalibration] = []
        for measurement in sharing {
            let shared = coRunning.first { $0.ranks == measurement.ranks && $0.threadsPerRank == 1 }?.efficiency
            coRunning.append(try measurement.calibration(profile: profile, transports: transports, sharedEfficiency: shared))
        }
        let machine = DistributedMachine.measured(transports: transports, coRunning: coRunning)
        let report = try Validator.report(profile: profile, machine: machine, plan: plan, models: models,
                                          runs: runs.map(MeasuredRun.fastest(of:)), measurement: nil)
        return (machine, report)
    }

    /// The round of one benchmark size whose time is the median of `rounds` (the upper one of an even count, as
    /// `RunnerCalibration.median`).
    static func typical(_ rounds: [CommSample]) -> CommSample {
        rounds.sorted { $0.seconds < $1.seconds }[rounds.count / 2]
    }
}
