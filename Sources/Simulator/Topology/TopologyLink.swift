/// One direction of a physical link between two vertices.
public struct TopologyLink: Sendable, Equatable {
    /// Index of the sending vertex.
    public var from: Int
    /// Index of the receiving vertex.
    public var to: Int
    /// Bandwidth and latency of this direction.
    public var spec: LinkSpec

    /// Creates a directed link.
    public init(from: Int, to: Int, spec: LinkSpec) {
        self.from = from
        self.to = to
        self.spec = spec
    }
}
