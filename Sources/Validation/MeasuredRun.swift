import CostModel

/// What a real run measured: its median step, peak memory, per-op times and the time
/// outside them.
public struct MeasuredRun: Sendable {
    public var stepSeconds: Double
    public var peakResidentBytes: Int
    public var opTimings: [TimingSample]
    /// Median time per iteration outside the timed ops and updates, if the run measured it.
    public var untimedSeconds: Double?

    public init(stepSeconds: Double, peakResidentBytes: Int, opTimings: [TimingSample], untimedSeconds: Double? = nil) {
        self.stepSeconds = stepSeconds
        self.peakResidentBytes = peakResidentBytes
        self.opTimings = opTimings
        self.untimedSeconds = untimedSeconds
    }
}
