import Foundation
import CostModel
import Distributed

/// How much of its share of the cores a data-parallel rank gets on this machine: the MPI jobs' measured steps against
/// the simulator's, on configurations apart from the ones validated.
///
/// The CPU profile is fitted on one process alone on the machine; ranks on one machine share its caches and memory
/// bandwidth, take turns on its cores when they outnumber them (a rank's threads beyond its share of the cores contend
/// for the cores and wait for one another at every parallel region's end), and reach each synchronisation unevenly.
/// `efficiency` is what the profile's compute on the rank's share must be divided by (`DeviceProfile.sharingMachine`)
/// for the simulated jobs to take the measured steps, and `splitSlowdown` and `convolutionSplitSlowdown` how many times as
/// long the split passes of a rank with more threads than its share take; `stepCoefficientOfVariation` is the spread of
/// a rank's compute per step that its job's other ranks do not share, which the simulator draws as compute jitter
/// (`interruptionSeconds` its variance per second of compute, where ranks take turns on the cores), and
/// `rankSpeedCoefficientOfVariation` the spread between the ranks of one job, which lasts the whole job (one rank's
/// core persistently busier or its memory slower): the simulator's persistent device spread. Measured at one rank
/// count and thread count per rank.
///
/// The efficiency is fitted to whole steps, not to a rank's timed compute: when ranks take turns on a core, a rank's
/// compute runs faster while its core-mates wait in a reduction, so its timed compute understates what the step
/// costs; the step is what the simulator must reproduce.
public struct CoRunningCalibration: Codable, Sendable {
    /// One configuration's step times.
    public struct Run: Codable, Sendable {
        public var label: String
        /// Median seconds per iteration of the per-rank work in one process alone on the machine, on the threads a
        /// rank is priced with (`DeviceProfile.sharedThreads`).
        public var aloneStepSeconds: Double
        /// The profile's prediction of that process's step (absent from calibrations written before it was kept).
        public var predictedAloneStepSeconds: Double?
        /// The part of `predictedAloneStepSeconds` in oneDNN's convolutions (absent from calibrations written before it
        /// was kept): what `DistributedMachine.measured` weighs the machine's speed on convolutions by.
        public var predictedAloneConvolutionSeconds: Double?
        /// Median compute seconds per iteration of a rank in the job (step less communication and waiting), averaged
        /// over the ranks.
        public var rankComputeSeconds: Double
        /// The job's median step, the slowest rank's (absent from calibrations written before it was kept).
        public var jobStepSeconds: Double?
        /// Each rank's median compute seconds per iteration in the job, by rank: what the spread between the ranks
        /// rests on (absent from calibrations written before it was kept).
        public var rankMedianComputeSeconds: [Double]?

        /// The profile's own error on the per-rank work alone, measured over priced (1 where it was not priced): what
        /// the job's simulated compute is scaled by, so that the sharing fits leave the profile's error out.
        var profileError: Double { predictedAloneStepSeconds.map { $0 > 0 ? aloneStepSeconds / $0 : 1 } ?? 1 }
    }

    /// Ranks of the jobs measured.
    public var ranks: Int
    /// Threads of each rank.
    public var threadsPerRank: Int
    public var runs: [Run]
    /// What a core delivers to a rank beside the others, relative to the profile's time-sliced prediction from alone
    /// (1: nothing shared beyond time-slicing).
    public var efficiency: Double
    /// The spread of a rank's compute per step over its median that the other ranks of its job do not share in the same
    /// step (`unsharedCoefficientOfVariation`), the median over the configurations (one job disturbed by the machine
    /// for a stretch of its steps does not set it): what makes ranks wait for one another. A disturbance of the whole
    /// machine slows every rank's step at once and makes none of them wait. 0 where ranks outnumber the cores, whose
    /// spread is `interruptionSeconds`'.
    public var stepCoefficientOfVariation: Double
    /// Ranks outnumbering the cores: the variance of a rank's compute per step that the job's other ranks do not share,
    /// per second of the compute the simulator draws it on (`unsharedSpread` squared over the job's simulated compute,
    /// `simulatedComputeSeconds`), the median over the configurations. A rank's step is interrupted by its core-mates'
    /// turns, whose count grows with the step's length, so its spread grows as the square root of its compute, not in
    /// proportion (`JitterSpec.interruptionSeconds`); nil where every rank has a core of its own, or in calibrations
    /// written before it.
    public var interruptionSeconds: Double?
    /// Ranks with more threads than their share of the cores: how many times as long their split passes other than
    /// convolutions (OpenBLAS's products, the trainer's loops) take (`DeviceProfile.oversubscribedSplitSlowdown`); nil
    /// for ranks whose threads have their cores.
    public var splitSlowdown: Double?
    /// The same for their convolutions' passes, which oneDNN splits on threads of its own
    /// (`DeviceProfile.oversubscribedConvolutionSplitSlowdown`); nil: as their other split passes (`splitSlowdown`),
    /// where no job measured had split convolutions, or in calibrations written before it.
    public var convolutionSplitSlowdown: Double?
    /// Ranks outnumbering the cores: the time scale of the chance that a rank's compute overlaps its core-mates'
    /// (`timedComputeSeconds`); nil where every rank has a core of its own, or in calibrations written before it.
    public var overlapSeconds: Double?
    /// The spread of the ranks' own speeds over a whole job (`rankSpeedSpread`), which the simulator gives its devices
    /// as a persistent speed spread (`JitterSpec.deviceCoefficientOfVariation`); nil in calibrations written before it.
    public var rankSpeedCoefficientOfVariation: Double?

    /// The configurations it measures at `ranks` ranks of `threads` threads (none in `Plans.dataParallel`): a
    /// product-bound mlp-gan whose weights outgrow a core's cache, a smaller one whose step is a few milliseconds, and
    /// a convolutional DCGAN; each efficiency rests on all three, so that one noisy job moves it less. Each runs 40
    /// steps or more: the spreads of a rank's steps and between the ranks are medians' figures, rough on a few steps.
    public static func configurations(ranks: Int, threads: Int = 1) -> [RunConfiguration] {
        [RunConfiguration(.mlpGAN, width: 768, batch: 32 * ranks, threads: threads, steps: 40,
                          dataParallel: .init(ranks: ranks)),
         RunConfiguration(.mlpGAN, width: 384, batch: 48 * ranks, threads: threads, steps: 80,
                          dataParallel: .init(ranks: ranks)),
         RunConfiguration(.dcgan, resolution: 32, width: 24, batch: 8 * ranks, threads: threads, steps: 40,
                          dataParallel: .init(ranks: ranks))]
    }

    /// The rank counts and threads per rank of the data-parallel runs of `plan`, each once, in increasing order: one
    /// sharing calibration each.
    public static func cases(of plan: [RunConfiguration]) -> [(ranks: Int, threads: Int)] {
        Set(plan.filter { $0.dataParallel != nil }.map { [$0.ranks, $0.threads] }).sorted { $0.lexicographicallyPrecedes($1) }
            .map { ($0[0], $0[1]) }
    }

    /// What one MPI job measured: its median step (the slowest rank's) and each rank's timed compute seconds per step.
    public struct Job: Sendable {
        public var stepSeconds: Double
        public var rankComputeSeconds: [[Double]]

        public init(stepSeconds: Double, rankComputeSeconds: [[Double]]) {
            self.stepSeconds = stepSeconds
            self.rankComputeSeconds = rankComputeSeconds
        }
    }

    /// Measures each configuration at `ranks` ranks of `threads` threads `rounds` times in interleaved rounds
    /// (`Measurement`) and fits the calibration to their fastest runs (`Measurement.calibration`).
    ///
    /// - Throws: whatever the closures throw, and the simulator's errors.
    public static func measure(ranks: Int, threads: Int = 1, profile: DeviceProfile, transports: [CommCalibration],
                               sharedEfficiency: Double? = nil,
                               rounds: Int = 1, configurations: [RunConfiguration]? = nil,
                               alone: (RunConfiguration) throws -> Double,
                               job: (RunConfiguration) throws -> Job) throws -> CoRunningCalibration {
        var measurement = Measurement(ranks: ranks, threads: threads, profile: profile, configurations: configurations)
        for _ in 0..<max(1, rounds) { try measurement.round(alone: alone, job: job) }
        return try measurement.calibration(profile: profile, transports: transports, sharedEfficiency: sharedEfficiency)
    }

    /// What a rank's own timers count as compute, of the `simulatedSeconds` the simulator gives it, when
    /// `ranksPerCore` ranks share each core (more than one: the cores are outnumbered).
    ///
    /// The simulator runs a core's ranks side by side, each at its share of the core for the whole of its compute. On
    /// the machine a rank often computes while its core-mates wait in a reduction, at the whole core, and their turns
    /// fall into its own waiting, the more so the shorter its compute. A rank whose compute takes `c` seconds at a
    /// whole core (`simulatedSeconds * efficiency / ranksPerCore`) overlaps its core-mates' with the chance
    /// `1 - exp(-c / overlapSeconds)`; otherwise it has the whole core, slowed only by the sharing efficiency (the
    /// other cores' ranks still share caches and memory): `simulatedSeconds / ranksPerCore`. What that leaves out of
    /// the simulated compute is timed as waiting. The step is the simulator's either way.
    public func timedComputeSeconds(simulatedSeconds: Double, ranksPerCore: Double) -> Double {
        guard ranksPerCore > 1, let overlap = overlapSeconds, overlap > 0 else { return simulatedSeconds }
        let wholeCore = simulatedSeconds * efficiency / ranksPerCore
        return simulatedSeconds * (1 - (ranksPerCore - 1) / ranksPerCore * exp(-wholeCore / overlap))
    }

    /// The `overlapSeconds` at which `timedComputeSeconds` of the simulated jobs of `configurations` (this
    /// calibration's runs, in order, at its fitted efficiency, its ranks over the profile's cores) best matches their
    /// ranks' timed compute: least squares of the relative errors, each job's compute scaled by the profile's own error
    /// on its work alone. Searched on a logarithmic grid from 10 µs to 10 s, then refined by golden sections between the
    /// best point's neighbours; nil when no job timed any compute.
    func fittedOverlap(configurations: [RunConfiguration], profile: DeviceProfile, transports: [CommCalibration]) throws -> Double? {
        let ranksPerCore = profile.processesPerCore(ranks)
        let simulated = try simulatedComputeSeconds(configurations: configurations, profile: profile, transports: transports)
        let jobs = zip(simulated, runs).compactMap { simulated, run in
            simulated.map { (simulated: $0, timed: run.rankComputeSeconds) }
        }
        guard !jobs.isEmpty else { return nil }
        func cost(_ overlap: Double) -> Double {
            var trial = self
            trial.overlapSeconds = overlap
            return jobs.reduce(0) { sum, job in
                let e = trial.timedComputeSeconds(simulatedSeconds: job.simulated, ranksPerCore: ranksPerCore) / job.timed - 1
                return sum + e * e
            }
        }
        let grid = (0...Self.overlapGridPoints).map { 1e-5 * pow(1e6, Double($0) / Double(Self.overlapGridPoints)) }
        let costs = grid.map(cost)
        let best = costs.indices.min { costs[$0] < costs[$1] }!
        var low = grid[max(best - 1, 0)], high = grid[min(best + 1, grid.count - 1)]
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<60 {
            let a = high - ratio * (high - low), b = low + ratio * (high - low)
            if cost(a) < cost(b) { high = b } else { low = a }
        }
        return (low + high) / 2
    }

    /// Each job's compute per step as the simulator runs it (`configurations`: this calibration's runs, in order), before
    /// a rank's timers split its core-mates' turns from it (`timedComputeSeconds`), scaled by the profile's own error on
    /// its work alone; nil for a run that timed no compute.
    func simulatedComputeSeconds(configurations: [RunConfiguration], profile: DeviceProfile,
                                 transports: [CommCalibration]) throws -> [Double?] {
        var sharing = self
        sharing.overlapSeconds = nil
        let machine = DistributedMachine(transports: transports, coRunning: [sharing])
        return try zip(configurations, runs).map { config, run in
            guard run.rankComputeSeconds > 0 else { return nil }
            return try DistributedPrediction.predict(config, profile: profile, machine: machine).computeSeconds * run.profileError
        }
    }

    /// Points of the overlap's logarithmic grid (six decades).
    static let overlapGridPoints = 600

    /// The efficiency, and for ranks with more threads than their share of the cores the slowdowns of their split
    /// passes (convolutions apart from the rest: oneDNN splits them on threads of its own, OpenBLAS and the trainer's
    /// loops on theirs, and the two slow differently when the cores are outnumbered), at which the simulated jobs of
    /// `configurations` (this calibration's runs, in order) take their measured steps, each job's compute scaled by the
    /// profile's own error on its work alone.
    ///
    /// A job's simulated step is its compute, which goes as one over the efficiency, plus each kind of split pass's
    /// compute times its slowdown's excess over 1, plus the rest (reductions, waits for other ranks), which changes
    /// little with them; the fixed point of that linear fit (relative residuals, excesses at least 0:
    /// `LinearLeastSquares.nonNegative`; the ratio of the sums where there is no slowdown to fit) is found by iterating.
    /// Oversubscribed ranks given an `efficiency` keep it and fit the slowdowns alone. Where no job splits a
    /// convolution, the convolutions' slowdown is nil (as the other passes').
    func fitted(configurations: [RunConfiguration], profile: DeviceProfile, transports: [CommCalibration],
                efficiency known: Double? = nil) throws
        -> (efficiency: Double, splitSlowdown: Double?, convolutionSplitSlowdown: Double?) {
        let oversubscribed = profile.sharedThreads(processes: ranks, threadsEach: threadsPerRank) < threadsPerRank
        let given = oversubscribed ? known.flatMap { $0 > 0 ? $0 : nil } : nil
        var fit = self
        fit.efficiency = given ?? fit.efficiency
        fit.splitSlowdown = oversubscribed ? 1 : nil
        fit.convolutionSplitSlowdown = nil
        fit.overlapSeconds = nil  // the steps rest on the simulated compute, not on how the ranks time it
        func predict(_ config: RunConfiguration, excess: (passes: Double, convolutions: Double)?) throws -> DistributedPrediction {
            var sharing = fit
            sharing.splitSlowdown = excess.map { 1 + $0.passes }
            sharing.convolutionSplitSlowdown = excess.map { 1 + $0.convolutions }
            return try DistributedPrediction.predict(config, profile: profile,
                                                     machine: DistributedMachine(transports: transports, coRunning: [sharing]))
        }
        var convolutions = false
        for _ in 0..<Self.fitIterations {
            // Per job: work (compute at efficiency 1), split compute per unit of excess slowdown of the other passes and
            // of the convolutions, measured step less the rest; weights 1/step.
            var rows: [(work: Double, split: Double, convolutionSplit: Double, time: Double, weight: Double)] = []
            for (config, run) in zip(configurations, runs) {
                guard let step = run.jobStepSeconds else { continue }
                let p = try predict(config, excess: oversubscribed ? (0, 0) : nil)
                var split = 0.0, convolutionSplit = 0.0
                if oversubscribed {
                    split = (try predict(config, excess: (Self.probeExcess, 0)).computeSeconds - p.computeSeconds) / Self.probeExcess
                    convolutionSplit = (try predict(config, excess: (0, Self.probeExcess)).computeSeconds - p.computeSeconds)
                        / Self.probeExcess
                }
                rows.append((p.computeSeconds * fit.efficiency * run.profileError, split, convolutionSplit,
                             step - (p.stepSeconds - p.computeSeconds), 1 / step))
            }
            convolutions = rows.contains { $0.convolutionSplit > 0 }
            var inverse = rows.reduce(0) { $0 + $1.time } / rows.reduce(0) { $0 + $1.work }
            var excess = (passes: 0.0, convolutions: 0.0)
            if oversubscribed {
                let weights = rows.map { $0.weight * $0.weight }
                if let given {
                    // time - work / efficiency = split * excess + convolution split * its excess.
                    inverse = 1 / given
                    if let x = LinearLeastSquares.nonNegative(rows: rows.map { [$0.split, $0.convolutionSplit] },
                                                              targets: rows.map { $0.time - $0.work * inverse }, weights: weights) {
                        excess = (x[0], x[1])
                    }
                } else if let x = LinearLeastSquares.nonNegative(rows: rows.map { [$0.work, $0.split, $0.convolutionSplit] },
                                                                 targets: rows.map(\.time), weights: weights), x[0] > 0 {
                    // time = work * inverse + split * excess + convolution split * its excess.
                    (inverse, excess) = (x[0], (x[1], x[2]))
                }
            }
            guard inverse > 0, inverse.isFinite else { break }
            let converged = abs(1 / inverse / fit.efficiency - 1) < 1e-9
                && abs(1 + excess.passes - (fit.splitSlowdown ?? 1)) < 1e-9
                && abs(1 + excess.convolutions - (fit.convolutionSplitSlowdown ?? 1)) < 1e-9
            fit.efficiency = 1 / inverse
            fit.splitSlowdown = oversubscribed ? 1 + excess.passes : nil
            fit.convolutionSplitSlowdown = oversubscribed ? 1 + excess.convolutions : nil
            if converged { break }
        }
        return (fit.efficiency, fit.splitSlowdown, convolutions ? fit.convolutionSplitSlowdown : nil)
    }

    /// The excess slowdown of the probe that measures a job's split compute per step (its compute is linear in it).
    static let probeExcess = 1.0

    /// Iterations of the efficiency's fixed point at most; it converges in a few.
    static let fitIterations = 30

    /// The spread of `steps` (at least two) over their median: the standard deviation a normal distribution with their
    /// median absolute deviation would have (1.4826 of it), so that a step or two disturbed by the machine, which the
    /// steps' medians leave out everywhere else, does not set the jitter of every step. Medians are
    /// `RunnerCalibration.median`'s (the upper one of an even count), so few steps give a rough figure, and none when
    /// half of them are equal.
    static func coefficientOfVariation(_ steps: [Double]) -> Double {
        let median = RunnerCalibration.median(steps)
        guard median > 0 else { return 0 }
        return 1.4826 * RunnerCalibration.median(steps.map { abs($0 - median) }) / median
    }

    /// The spread of the ranks' compute per step that the job's other ranks do not share, over their median step
    /// (`unsharedSpread`); nil without two ranks of two steps.
    static func unsharedCoefficientOfVariation(_ rankSteps: [[Double]]) -> Double? {
        unsharedSpread(rankSteps).map { $0.seconds / $0.medianStepSeconds }
    }

    /// The spread in seconds of the ranks' compute per step that the job's other ranks do not share, and their median
    /// step: each rank's steps less its own median, less the ranks' mean of that in the same step, as
    /// `coefficientOfVariation` takes it (1.4826 times the median absolute deviation), scaled by `sqrt(n / (n - 1))`
    /// for `n` ranks (the mean over the ranks takes a rank's own share of its deviation). `rankSteps` holds each
    /// rank's compute seconds per step, in step order; nil without two ranks of two steps or with a median step of 0.
    static func unsharedSpread(_ rankSteps: [[Double]]) -> (seconds: Double, medianStepSeconds: Double)? {
        let ranks = rankSteps.filter { !$0.isEmpty }
        let steps = ranks.map(\.count).min() ?? 0
        guard ranks.count > 1, steps > 1 else { return nil }
        let medians = ranks.map(RunnerCalibration.median)
        let all = RunnerCalibration.median(ranks.flatMap { $0.prefix(steps) })
        guard all > 0 else { return nil }
        var deviations: [Double] = []
        for k in 0..<steps {
            let own = ranks.indices.map { ranks[$0][k] - medians[$0] }
            let shared = own.reduce(0, +) / Double(own.count)
            deviations += own.map { abs($0 - shared) }
        }
        let n = Double(ranks.count)
        return (1.4826 * RunnerCalibration.median(deviations) * (n / (n - 1)).squareRoot(), all)
    }

    /// The spread of the ranks' speeds within a job, over the jobs `rankSteps` (each rank's compute seconds per step,
    /// by job): the median over the jobs (`RunnerCalibration.median`) of the sample standard deviation of their ranks'
    /// median computes over the ranks' mean, less what the medians' own noise contributes (a median of `n` steps of
    /// spread `s` has the variance `pi / 2 * s^2 / n`); 0 where no job has two ranks with steps. A median, as
    /// `stepCoefficientOfVariation`'s: one job whose rank a neighbour slowed for its whole length does not set it.
    static func rankSpeedSpread(_ rankSteps: [[[Double]]]) -> Double {
        let spreads = rankSteps.compactMap { ranks -> Double? in
            let timed = ranks.filter { !$0.isEmpty }
            guard timed.count > 1 else { return nil }
            let medians = timed.map(RunnerCalibration.median)
            let mean = medians.reduce(0, +) / Double(medians.count)
            guard mean > 0 else { return nil }
            let between = medians.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(medians.count - 1) / (mean * mean)
            let noise = timed.reduce(0) { sum, steps in
                let s = steps.count > 1 ? coefficientOfVariation(steps) : 0
                return sum + Double.pi / 2 * s * s / Double(steps.count)
            } / Double(timed.count)
            return max(0, between - noise).squareRoot()
        }
        return spreads.isEmpty ? 0 : RunnerCalibration.median(spreads)
    }
}
