/// A vertex of the cluster graph.
public struct TopologyNode: Sendable, Equatable {
    /// What the vertex is.
    public var kind: NodeKind
    /// A readable name, e.g. `node0/gpu3` or `leaf2`.
    public var name: String
    /// Index of the machine (server, TPU host) the vertex belongs to; nil for fabric switches.
    public var machine: Int?

    /// Creates a vertex.
    public init(kind: NodeKind, name: String, machine: Int?) {
        self.kind = kind
        self.name = name
        self.machine = machine
    }
}
