import Workload
/// The analytic prediction of one training iteration on one device.
public struct IterationEstimate: Sendable, Hashable, Codable {
    /// Seconds per iteration, averaged over the recipe's regularisation period.
    public var seconds: Double
    /// FLOPs per iteration (same average).
    public var flops: Double
    /// Bytes of memory traffic per iteration (same average).
    public var bytes: Double
    /// Seconds per iteration by phase (`discriminator`, `generator`, `r1`, `pathLength`).
    public var phaseSeconds: [String: Double]
    /// Seconds per iteration in optimizer and EMA updates (and the profile's fixed
    /// per-iteration overhead, if calibrated).
    public var updateSeconds: Double
    /// Work items per iteration (one per op and pass).
    public var workItems: Double
    /// Kernels the implementation launches per iteration, where the profile has a GPU execution model.
    public var kernels: Double? = nil
    /// Generated samples per second (the G step's samples over the iteration time).
    public var samplesPerSecond: Double
    /// Achieved FLOP/s over the device's peak at the recipe's precision.
    public var utilization: Double
}
