/// What simulating one collective reports (encoded as the `--json` output of `gansim collective`).
public struct CollectiveResult: Sendable, Codable, Equatable {
    /// The collective.
    public var operation: CollectiveOperation
    /// The decomposition into transfers.
    public var algorithm: CollectiveAlgorithm
    /// Topology name.
    public var topology: String
    /// Number of participating devices.
    public var devices: Int
    /// Message size per device, in bytes.
    public var bytes: Double
    /// Pipeline chunks per transfer.
    public var chunks: Int
    /// Simulated time of the collective (event simulation with link sharing), in seconds.
    public var seconds: Double
    /// Congestion-unaware analytic estimate over the same schedule and routes, in seconds.
    public var analyticSeconds: Double
    /// `bytes / seconds`, in bytes per second (nccl-tests "algbw").
    public var algorithmBandwidthBytesPerSecond: Double
    /// Algorithm bandwidth times the operation's bus factor (nccl-tests "busbw"), in bytes per second.
    public var busBandwidthBytesPerSecond: Double
    /// Point-to-point transfers in the schedule.
    public var transfers: Int
    /// Events the kernel dispatched.
    public var events: Int
    /// Flows that shared a link with another transmitting flow at some point.
    public var sharedFlows: Int
    /// The largest number of flows transmitting on one link at once.
    public var maxFlowsOnLink: Int
    /// Max-min rate recomputations performed.
    public var rateRecomputations: Int
    /// How the time was found when not by the event simulation (nil: event simulation), and why.
    public var method: String?
}
