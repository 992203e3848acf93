/// How much of a core the CPU trainer gets beside other busy processes: the same training run alone and as several
/// copies side by side, one thread each.
///
/// The CPU profile is fitted on one process alone on the machine; data-parallel ranks on one machine share its
/// caches and memory bandwidth. `efficiency` (alone over side by side, summed over the runs) is what each core
/// delivers when every core is busy, which `DeviceProfile.sharingMachine` applies to the ranks' compute. Measured on
/// its own configurations, never on the validation plan's.
public struct CoRunningCalibration: Codable, Sendable {
    /// One configuration's step times.
    public struct Run: Codable, Sendable {
        public var label: String
        /// Median seconds per iteration, alone on the machine.
        public var aloneStepSeconds: Double
        /// Median seconds per iteration of each copy side by side, averaged over the copies.
        public var sideBySideStepSeconds: Double
    }

    /// Copies run side by side.
    public var processes: Int
    public var runs: [Run]
    /// What a core delivers beside the other processes, relative to alone (1: nothing shared).
    public var efficiency: Double

    /// The configurations it measures (one rank, one thread; none of them in `DistributedPlans.validation`): a
    /// product-bound mlp-gan whose weights outgrow a core's cache and a convolutional DCGAN.
    public static let configurations: [DistributedRunConfiguration] = [
        DistributedRunConfiguration(.mlpGAN, width: 768, batch: 64, ranks: 1, steps: 12),
        DistributedRunConfiguration(.dcgan, resolution: 32, width: 24, batch: 16, ranks: 1, steps: 6),
    ]

    /// Runs each configuration alone and as `processes` copies side by side; `run(config, copies)` returns the median
    /// step seconds of each copy.
    ///
    /// - Throws: whatever `run` throws.
    public static func measure(processes: Int, configurations: [DistributedRunConfiguration] = configurations,
                               run: (DistributedRunConfiguration, Int) throws -> [Double]) throws -> CoRunningCalibration {
        var runs: [Run] = []
        for config in configurations {
            let alone = try run(config, 1)
            let together = try run(config, processes)
            runs.append(Run(label: config.label, aloneStepSeconds: alone.reduce(0, +) / Double(max(alone.count, 1)),
                            sideBySideStepSeconds: together.reduce(0, +) / Double(max(together.count, 1))))
        }
        let alone = runs.reduce(0) { $0 + $1.aloneStepSeconds }, together = runs.reduce(0) { $0 + $1.sideBySideStepSeconds }
        return CoRunningCalibration(processes: processes, runs: runs, efficiency: together > 0 ? min(1, alone / together) : 1)
    }
}
