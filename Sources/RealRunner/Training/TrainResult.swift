/// The machine-readable summary of a training run (`gansim train --json`).
public struct TrainResult: Codable, Sendable {
    /// Final losses (of the last iteration).
    public struct Losses: Codable, Sendable {
        public var discriminator: Double
        public var generator: Double
    }

    public var model: String
    public var architecture: String
    public var resolution: Int
    public var width: Int
    public var dataset: String
    public var steps: Int
    public var batch: Int
    public var threads: Int
    public var seed: UInt64
    public var discriminatorSteps: Int
    public var accumulation: Int
    public var ema: Bool
    public var loss: String
    public var optimizer: String
    public var precision: String
    /// Median wall time of one iteration after warm-up, in seconds.
    public var stepSeconds: Double
    /// Real samples D sees per second (`batch * accumulation * nDisc / stepSeconds`).
    public var samplesPerSecond: Double
    /// Peak resident memory of the process, in bytes.
    public var peakResidentBytes: Int
    public var losses: Losses
    /// Ring dataset only: modes (of 8) that received samples.
    public var modesCovered: Int?
    /// Ring dataset only: fraction of samples within 3 standard deviations of a mode.
    public var highQualityFraction: Double?
    /// FLOPs of one iteration as the cost model counts them.
    public var flopsPerStep: Int
    /// `flopsPerStep / stepSeconds / 1e9`.
    public var achievedGFLOPs: Double
    public var generatorParameters: Int
    public var discriminatorParameters: Int
    /// Iterations excluded from `stepSeconds`.
    public var warmupSteps: Int
    /// Wall time of the whole training loop, in seconds.
    public var totalSeconds: Double
    /// Median over the timed iterations of the wall time outside the timed ops (drawing
    /// the batch, losses, glue): what calibration fits as per-iteration overhead.
    public var untimedSeconds: Double? = nil
}
