import CostModel

/// What a real run measured: its median step, peak memory and per-op times.
public struct MeasuredRun: Sendable {
    public var stepSeconds: Double
    public var peakResidentBytes: Int
    public var opTimings: [TimingSample]

    public init(stepSeconds: Double, peakResidentBytes: Int, opTimings: [TimingSample]) {
        self.stepSeconds = stepSeconds
        self.peakResidentBytes = peakResidentBytes
        self.opTimings = opTimings
    }
}
