/// Bandwidth and latency of one direction of a link.
public struct LinkSpec: Sendable, Equatable, Codable {
    /// Link technology.
    public var kind: LinkKind
    /// Bandwidth of one direction, in bytes per second.
    public var bandwidthBytesPerSecond: Double
    /// One-way latency of the link (including the far end's switching), in seconds.
    public var latencySeconds: Double
    /// How the transport carries messages by size, sorted by `fromBytes` from 0 (nil: every message at the link's
    /// latency and full bandwidth).
    public var regimes: [MessageRegime]?

    /// Creates a link description.
    public init(kind: LinkKind, bandwidthBytesPerSecond: Double, latencySeconds: Double, regimes: [MessageRegime]? = nil) {
        self.kind = kind
        self.bandwidthBytesPerSecond = bandwidthBytesPerSecond
        self.latencySeconds = latencySeconds
        self.regimes = regimes
    }

    /// The same link whose transport picks the fastest of `protocols` per message (`TransportProtocol.regimes`).
    public func carrying(_ protocols: [TransportProtocol]) -> LinkSpec {
        var spec = self
        spec.regimes = TransportProtocol.regimes(protocols, bandwidthBytesPerSecond: bandwidthBytesPerSecond,
                                                 hopLatencySeconds: latencySeconds)
        return spec
    }

    /// The regime that carries a message of `bytes` (nil for a link without regimes).
    @inlinable
    public func regime(forMessageBytes bytes: Double) -> MessageRegime? {
        guard let regimes else { return nil }
        var pick = regimes[0]
        for r in regimes.dropFirst() where r.fromBytes <= bytes { pick = r }
        return pick
    }

    /// The same link with `count` lanes bonded: bandwidth multiplied, latency unchanged, and message regimes starting at
    /// `count` times the sizes (where a protocol overtakes another, the bytes scale with the bandwidth).
    public func bonded(_ count: Int) -> LinkSpec {
        LinkSpec(kind: kind, bandwidthBytesPerSecond: bandwidthBytesPerSecond * Double(count), latencySeconds: latencySeconds,
                 regimes: regimes?.map { var r = $0; r.fromBytes *= Double(count); return r })
    }

    /// The same link with its bandwidth divided by `factor` (oversubscribed uplinks; the transport at its ends, and so
    /// its message regimes, unchanged).
    public func divided(by factor: Double) -> LinkSpec {
        LinkSpec(kind: kind, bandwidthBytesPerSecond: bandwidthBytesPerSecond / factor, latencySeconds: latencySeconds,
                 regimes: regimes)
    }
}
