import CostModel
import Distributed

extension CoRunningCalibration {
    /// The runs a sharing calibration rests on, measured round by round: each configuration's per-rank work as one
    /// process alone and as the MPI job, the fastest of each kept.
    ///
    /// A round runs each configuration once of either kind, so that the rounds can be interleaved with other
    /// measurements (`DistributedValidation`): on a machine whose speed drifts for minutes at a time, runs taken in the
    /// same rounds see the same stretches of it.
    public struct Measurement: Sendable {
        /// Ranks of the jobs.
        public let ranks: Int
        /// Threads of each rank.
        public let threads: Int
        /// The MPI jobs measured (`CoRunningCalibration.configurations` unless given).
        public let configurations: [RunConfiguration]
        /// Each configuration's per-rank work as one process, on the threads the profile prices a rank with
        /// (`DeviceProfile.sharedThreads`).
        public let alone: [RunConfiguration]
        /// The fastest median step seconds of each configuration's work alone so far (infinity before its first).
        private(set) var single: [Double]
        /// The job of the fastest step of each configuration so far.
        private(set) var jobs: [Job?]
        /// The job of each configuration whose ranks disagreed least so far (`disagreement`), which the spreads are
        /// taken from: each run of the plan is the least disturbed of its rounds, so the ranks' variation that makes
        /// its ranks wait is measured on the least disturbed of these rounds too.
        private(set) var quietest: [Job?]

        /// No runs yet of the sharing of `ranks` ranks of `threads` threads, priced on `profile`.
        public init(ranks: Int, threads: Int, profile: DeviceProfile, configurations: [RunConfiguration]? = nil) {
            self.ranks = ranks
            self.threads = threads
            let configs = configurations ?? CoRunningCalibration.configurations(ranks: ranks, threads: threads)
            self.configurations = configs
            let priced = profile.sharedThreads(processes: ranks, threadsEach: threads)
            alone = configs.map { config in
                var own = config.singleRank
                own.threads = priced
                return own
            }
            single = Array(repeating: .infinity, count: configs.count)
            jobs = Array(repeating: nil, count: configs.count)
            quietest = Array(repeating: nil, count: configs.count)
        }

        /// How far `job`'s ranks disagreed, both ways that make ranks wait: the root sum of squares of their unshared
        /// spread over its median step and of their speeds' spread (one rank slower for the whole job, as when a
        /// neighbour takes one vCPU; the unshared spread leaves each rank's own median out). Infinity where there
        /// is no unshared spread.
        static func disagreement(_ job: Job) -> Double {
            guard let unshared = CoRunningCalibration.unsharedCoefficientOfVariation(job.rankComputeSeconds) else {
                return .infinity
            }
            let speeds = CoRunningCalibration.rankSpeedSpread([job.rankComputeSeconds])
            return (unshared * unshared + speeds * speeds).squareRoot()
        }

        /// Runs one round: each configuration's work alone (`alone` returns its median step seconds), then its job.
        ///
        /// - Throws: whatever the closures throw.
        public mutating func round(alone run: (RunConfiguration) throws -> Double, job: (RunConfiguration) throws -> Job) throws {
            for (i, config) in configurations.enumerated() {
                single[i] = min(single[i], try run(alone[i]))
                let measured = try job(config)
                if jobs[i].map({ measured.stepSeconds < $0.stepSeconds }) ?? true { jobs[i] = measured }
                if quietest[i].map({ Self.disagreement(measured) < Self.disagreement($0) }) ?? true {
                    quietest[i] = measured
                }
            }
        }

        /// The calibration fitted to the fastest runs: the profile's error on each configuration's work alone, the
        /// spreads of the ranks' steps in each configuration's quietest job (`quietest`), then the efficiency at which
        /// the simulator, with `transports`, takes the jobs' steps. Ranks with more threads than their share of the
        /// cores share its caches and memory as ranks of one thread do, so where that efficiency was measured at the
        /// same rank count (`sharedEfficiency`) they take it and fit only their split passes' slowdowns.
        ///
        /// - Throws: `MPIError.invalidOption` before any round, and the simulator's errors.
        public func calibration(profile: DeviceProfile, transports: [CommCalibration],
                                sharedEfficiency: Double? = nil) throws -> CoRunningCalibration {
            let jobs = self.jobs.compactMap { $0 }
            guard jobs.count == configurations.count else {
                throw MPIError.invalidOption(field: "rounds", value: "0", expected: "at least one round of the sharing jobs")
            }
            // Ranks taking turns on a core are interrupted by their core-mates' turns; others vary with the machine.
            let turns = profile.processesPerCore(ranks) > 1
            let quiet = quietest.compactMap { $0 }
            let spreads = quiet.map { CoRunningCalibration.unsharedSpread($0.rankComputeSeconds) }
            func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : RunnerCalibration.median(values) }
            var runs: [Run] = []
            for (i, config) in configurations.enumerated() {
                // The work alone is priced on the threads it ran on, those a rank is priced with; its convolutions'
                // part is what pricing them twice as long adds.
                let model = try alone[i].modelConfig.build()
                let device = profile.restricted(toThreads: alone[i].threads)
                var doubled = device
                doubled.convolutionTimeScale = 2 * (device.convolutionTimeScale ?? 1)
                let predicted = try Validator.singleDevice(model, recipe: alone[i].recipe, device: device).stepSeconds
                let convolutions = try Validator.singleDevice(model, recipe: alone[i].recipe, device: doubled).stepSeconds
                    - predicted
                let medians = jobs[i].rankComputeSeconds.map(RunnerCalibration.median)
                runs.append(Run(label: config.label, aloneStepSeconds: single[i], predictedAloneStepSeconds: predicted,
                                predictedAloneConvolutionSeconds: convolutions,
                                rankComputeSeconds: medians.reduce(0, +) / Double(max(medians.count, 1)),
                                jobStepSeconds: jobs[i].stepSeconds, rankMedianComputeSeconds: medians))
            }
            var calibration = CoRunningCalibration(
                ranks: ranks, threadsPerRank: threads, runs: runs, efficiency: 1,
                stepCoefficientOfVariation: turns ? 0 : median(spreads.compactMap { $0.map { $0.seconds / $0.medianStepSeconds } }),
                splitSlowdown: nil,
                rankSpeedCoefficientOfVariation: CoRunningCalibration.rankSpeedSpread(quiet.map(\.rankComputeSeconds)))
            func fit() throws {
                (calibration.efficiency, calibration.splitSlowdown, calibration.convolutionSplitSlowdown) = try calibration.fitted(
                    configurations: configurations, profile: profile, transports: transports, efficiency: sharedEfficiency)
            }
            if turns {
                // Per second of the ranks' timed compute for a first fit, then per second of the compute the simulator
                // draws it on at that fit, and fitted again (the fit moves the simulated compute little).
                calibration.interruptionSeconds = median(spreads.compactMap { $0.map { $0.seconds * $0.seconds / $0.medianStepSeconds } })
                try fit()
                let simulated = try calibration.simulatedComputeSeconds(configurations: configurations, profile: profile,
                                                                        transports: transports)
                calibration.interruptionSeconds = median(zip(spreads, simulated).compactMap { spread, simulated in
                    guard let spread, let simulated, simulated > 0 else { return nil }
                    return spread.seconds * spread.seconds / simulated
                })
            }
            try fit()
            if turns {
                calibration.overlapSeconds = try calibration.fittedOverlap(
                    configurations: configurations, profile: profile, transports: transports)
            }
            return calibration
        }
    }
}
