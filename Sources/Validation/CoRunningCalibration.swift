import Distributed

/// How much of a core a data-parallel rank gets on this machine: the CPU trainer's compute per step as a rank of an
/// MPI job, against the same per-rank work run alone.
///
/// The CPU profile is fitted on one process alone on the machine; ranks on one machine share its caches and memory
/// bandwidth, take turns on its cores when they outnumber them, and reach each synchronisation unevenly. Measured on
/// its own configurations (never the validation plan's) at one rank count: `efficiency` is what the time-sliced
/// profile's compute must be divided by (`DeviceProfile.sharingMachine`), `stepCoefficientOfVariation` the spread of
/// a rank's compute per step, which the simulator draws as compute jitter.
public struct CoRunningCalibration: Codable, Sendable {
    /// One configuration's step times.
    public struct Run: Codable, Sendable {
        public var label: String
        /// Median seconds per iteration of the per-rank work in one process alone on the machine.
        public var aloneStepSeconds: Double
        /// Median compute seconds per iteration of a rank in the job (step less communication and waiting), averaged
        /// over the ranks.
        public var rankComputeSeconds: Double
    }

    /// Ranks of the jobs measured.
    public var ranks: Int
    /// Threads of each rank.
    public var threadsPerRank: Int
    public var runs: [Run]
    /// What a core delivers to a rank beside the others, relative to the profile's time-sliced prediction from alone
    /// (1: nothing shared beyond time-slicing).
    public var efficiency: Double
    /// Standard deviation over mean of a rank's compute per step, averaged over ranks and configurations.
    public var stepCoefficientOfVariation: Double

    /// The configurations it measures at `ranks` ranks (one thread each; none in `Plans.dataParallel`): a
    /// product-bound mlp-gan whose weights outgrow a core's cache and a convolutional DCGAN.
    public static func configurations(ranks: Int) -> [RunConfiguration] {
        [RunConfiguration(.mlpGAN, width: 768, batch: 32 * ranks, steps: 12, dataParallel: .init(ranks: ranks)),
         RunConfiguration(.dcgan, resolution: 32, width: 24, batch: 8 * ranks, steps: 6,
                          dataParallel: .init(ranks: ranks))]
    }

    /// Measures each configuration as one process of its per-rank batch alone (`alone(config.singleRank)`: the
    /// median step seconds) and as the MPI job (`job(config)`: each rank's timed compute seconds per step), on
    /// `cores` cores, `rounds` times in interleaved rounds, keeping each configuration's fastest run of either kind.
    ///
    /// - Throws: whatever the closures throw.
    public static func measure(ranks: Int, cores: Int, rounds: Int = 1, configurations: [RunConfiguration]? = nil,
                               alone: (RunConfiguration) throws -> Double,
                               job: (RunConfiguration) throws -> [[Double]]) throws -> CoRunningCalibration {
        let configs = configurations ?? Self.configurations(ranks: ranks)
        var single = Array(repeating: Double.infinity, count: configs.count)
        var rank: [(seconds: Double, spread: [Double])] = Array(repeating: (.infinity, []), count: configs.count)
        for _ in 0..<max(1, rounds) {
            for (i, config) in configs.enumerated() {
                single[i] = min(single[i], try alone(config.singleRank))
                let perRank = try job(config)
                let seconds = perRank.map(RunnerCalibration.median).reduce(0, +) / Double(max(perRank.count, 1))
                guard seconds < rank[i].seconds else { continue }
                rank[i] = (seconds, perRank.filter { $0.count > 1 }.map { steps in
                    let mean = steps.reduce(0, +) / Double(steps.count)
                    let variance = steps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(steps.count - 1)
                    return mean > 0 ? variance.squareRoot() / mean : 0
                })
            }
        }
        let runs = configs.indices.map { Run(label: configs[$0].label, aloneStepSeconds: single[$0], rankComputeSeconds: rank[$0].seconds) }
        let spreads = rank.flatMap(\.spread)
        let threads = configs.first?.threads ?? 1
        let slicing = max(1, Double(ranks * threads) / Double(max(cores, 1)))
        let expected = runs.reduce(0) { $0 + $1.aloneStepSeconds * slicing }, measured = runs.reduce(0) { $0 + $1.rankComputeSeconds }
        return CoRunningCalibration(ranks: ranks, threadsPerRank: threads, runs: runs,
                                    efficiency: measured > 0 && expected > 0 ? expected / measured : 1,
                                    stepCoefficientOfVariation: spreads.isEmpty ? 0 : spreads.reduce(0, +) / Double(spreads.count))
    }
}
