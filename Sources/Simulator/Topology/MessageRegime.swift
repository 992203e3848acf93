/// How a link's transport carries messages of at least `fromBytes`: a per-message overhead and a fraction of the
/// link's bandwidth.
///
/// Transports change behaviour with the message size: MPI's shared-memory transport sends small messages eagerly,
/// larger ones by rendezvous, and slows again once a message no longer fits in cache; NCCL switches protocols
/// (LL, LL128, Simple) that trade latency for bandwidth. A link with regimes prices a message of `S` bytes with the
/// regime of the largest `fromBytes <= S`: its overhead is added once per message to the route's hop latencies
/// (the slowest transport on a route sets it), and its bytes occupy the link at `efficiency` of the link's bandwidth.
public struct MessageRegime: Sendable, Equatable, Codable {
    /// What the regime is (e.g. `eager`, `LL128`), for reports.
    public var name: String
    /// The smallest message this regime carries, in bytes (the first regime of a link starts at 0).
    public var fromBytes: Double
    /// Seconds each message costs on top of the route's hop latencies.
    public var overheadSeconds: Double
    /// The fraction of the link's bandwidth a message's bytes get, in (0, 1].
    public var efficiency: Double

    /// Creates a regime.
    public init(name: String, fromBytes: Double, overheadSeconds: Double, efficiency: Double) {
        self.name = name
        self.fromBytes = fromBytes
        self.overheadSeconds = overheadSeconds
        self.efficiency = efficiency
    }
}
