/// One protocol of a transport that picks, per message, the protocol its own time model says is fastest (NCCL's
/// tuner): a latency per message and the fraction of the link's bandwidth its encoding leaves for data.
public struct TransportProtocol: Sendable, Equatable {
    /// The protocol's name.
    public var name: String
    /// Seconds per message over one link of the class (the tuner's hardware latency).
    public var latencySeconds: Double
    /// Data bytes per byte sent.
    public var efficiency: Double

    /// Creates a protocol.
    public init(name: String, latencySeconds: Double, efficiency: Double) {
        self.name = name
        self.latencySeconds = latencySeconds
        self.efficiency = efficiency
    }

    /// The regimes of a link of `bandwidth` bytes per second and hop latency `hopLatencySeconds` whose transport runs each
    /// message of `S` bytes with the protocol of least `latency + S / (efficiency * bandwidth)`: the lower envelope of
    /// the protocols' lines, each regime's overhead being its protocol's latency beyond the hop's.
    public static func regimes(_ protocols: [TransportProtocol], bandwidthBytesPerSecond bandwidth: Double,
                               hopLatencySeconds: Double) -> [MessageRegime] {
        precondition(!protocols.isEmpty && protocols.allSatisfy { $0.efficiency > 0 && $0.efficiency <= 1 }, "bad protocols")
        func slope(_ p: TransportProtocol) -> Double { 1 / (p.efficiency * bandwidth) }
        // At zero bytes the lowest latency wins (the steepest line of equal latency loses).
        var current = protocols.min { ($0.latencySeconds, slope($0)) < ($1.latencySeconds, slope($1)) }!
        var from = 0.0
        var regimes: [MessageRegime] = []
        while true {
            regimes.append(MessageRegime(name: current.name, fromBytes: from,
                                         overheadSeconds: max(0, current.latencySeconds - hopLatencySeconds),
                                         efficiency: current.efficiency))
            // The next protocol is the flatter line that overtakes the current one first.
            var next: (protocol: TransportProtocol, bytes: Double)?
            for p in protocols where slope(p) < slope(current) {
                let crossing = max(from, (p.latencySeconds - current.latencySeconds) / (slope(current) - slope(p)))
                if next == nil || crossing < next!.bytes || (crossing == next!.bytes && slope(p) < slope(next!.protocol)) {
                    next = (p, crossing)
                }
            }
            guard let next else { return regimes }
            if next.bytes == from { regimes.removeLast() }
            current = next.protocol
            from = next.bytes
        }
    }
}
