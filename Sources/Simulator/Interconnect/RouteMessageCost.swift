/// What one message costs on a route whose links have message regimes: latency and seconds per byte by message size.
///
/// A message of `S` bytes takes `latencySeconds(S) + S * secondsPerByte(S)` alone on the route: the sum of the hops'
/// latencies plus the largest overhead of their regimes for `S`, and the bottleneck of each link's bandwidth times its
/// regime's efficiency. Piecewise constant between the links' regime boundaries.
public struct RouteMessageCost: Sendable, Equatable {
    /// Message sizes where a piece starts, ascending, the first 0.
    public var fromBytes: [Double]
    /// Each piece's latency, in seconds.
    public var latencySeconds: [Double]
    /// Each piece's seconds per byte.
    public var secondsPerByte: [Double]

    /// The cost of a route over `links` (each with or without regimes).
    init(links: [LinkSpec]) {
        let starts = Set(links.flatMap { $0.regimes?.map(\.fromBytes) ?? [0] }).union([0]).sorted()
        fromBytes = starts
        latencySeconds = []
        secondsPerByte = []
        let hops = links.reduce(0) { $0 + $1.latencySeconds }
        for bytes in starts {
            var overhead = 0.0, bottleneck = Double.infinity
            for link in links {
                let regime = link.regime(forMessageBytes: bytes)
                overhead = max(overhead, regime?.overheadSeconds ?? 0)
                bottleneck = min(bottleneck, link.bandwidthBytesPerSecond * (regime?.efficiency ?? 1))
            }
            latencySeconds.append(hops + overhead)
            secondsPerByte.append(1 / bottleneck)
        }
    }

    /// Latency (seconds) and seconds per byte of a message of `bytes`.
    @inlinable
    public func at(_ bytes: Double) -> (latencySeconds: Double, secondsPerByte: Double) {
        var i = 0
        while i + 1 < fromBytes.count && fromBytes[i + 1] <= bytes { i += 1 }
        return (latencySeconds[i], secondsPerByte[i])
    }
}
