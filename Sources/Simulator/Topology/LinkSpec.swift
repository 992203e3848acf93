/// Bandwidth and latency of one direction of a link.
public struct LinkSpec: Sendable, Equatable, Codable {
    /// Link technology.
    public var kind: LinkKind
    /// Bandwidth of one direction, in bytes per second.
    public var bandwidthBytesPerSecond: Double
    /// One-way latency of the link (including the far end's switching), in seconds.
    public var latencySeconds: Double

    /// Creates a link description.
    public init(kind: LinkKind, bandwidthBytesPerSecond: Double, latencySeconds: Double) {
        self.kind = kind
        self.bandwidthBytesPerSecond = bandwidthBytesPerSecond
        self.latencySeconds = latencySeconds
    }

    /// The same link with `count` lanes bonded: bandwidth multiplied, latency unchanged.
    public func bonded(_ count: Int) -> LinkSpec {
        LinkSpec(kind: kind, bandwidthBytesPerSecond: bandwidthBytesPerSecond * Double(count), latencySeconds: latencySeconds)
    }

    /// The same link with its bandwidth divided by `factor` (oversubscribed uplinks).
    public func divided(by factor: Double) -> LinkSpec {
        LinkSpec(kind: kind, bandwidthBytesPerSecond: bandwidthBytesPerSecond / factor, latencySeconds: latencySeconds)
    }
}
