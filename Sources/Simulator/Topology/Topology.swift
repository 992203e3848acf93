import InputParsing
/// The cluster as a directed graph: devices, hosts, PCIe switches, NICs and switches joined by links.
///
/// Every physical full-duplex link is two directed `TopologyLink`s, one per direction,
/// each with its own bandwidth, so traffic in opposite directions does not contend.
/// Devices are numbered by rank (`devices[rank]` is the vertex index).
public struct Topology: Sendable {
    /// A short name, e.g. `dgx1-v100` or `4x dgx-a100, HDR fat-tree 1:1`.
    public var name: String
    /// All vertices.
    public private(set) var nodes: [TopologyNode] = []
    /// All directed links.
    public private(set) var links: [TopologyLink] = []
    /// Vertex index of each device, by rank.
    public private(set) var devices: [Int] = []
    /// The servers (or TPU hosts), each with its CPU sockets, devices and NICs.
    public var machines: [Machine] = []
    /// Device ranks in the order a ring collective should visit them (every rank once).
    public var ringOrder: [Int] = []
    /// Sizes of the torus dimensions when the devices form a torus (rank = row-major coordinate), else empty.
    public var torusDimensions: [Int] = []

    /// Creates an empty topology.
    public init(name: String) {
        self.name = name
    }

    /// Adds a vertex and returns its index; a `.device` vertex also gets the next rank.
    @discardableResult
    public mutating func addNode(_ kind: NodeKind, name: String, machine: Int?) -> Int {
        nodes.append(TopologyNode(kind: kind, name: name, machine: machine))
        let index = nodes.count - 1
        if kind == .device {
            devices.append(index)
            ringOrder.append(devices.count - 1)
        }
        return index
    }

    /// Adds a full-duplex link between two vertices: one directed link each way with the same spec.
    public mutating func connect(_ a: Int, _ b: Int, _ spec: LinkSpec) {
        precondition(a != b && nodes.indices.contains(a) && nodes.indices.contains(b), "bad link \(a)-\(b)")
        links.append(TopologyLink(from: a, to: b, spec: spec))
        links.append(TopologyLink(from: b, to: a, spec: spec))
    }

    /// The machine index of the device with the given rank (0 when the topology has no machines).
    public func machine(ofRank rank: Int) -> Int {
        nodes[devices[rank]].machine ?? 0
    }

    /// Checks that every link has a positive finite bandwidth and a finite non-negative latency.
    public func validate() throws {
        for link in links {
            let spec = link.spec
            if !(spec.bandwidthBytesPerSecond > 0) || !spec.bandwidthBytesPerSecond.isFinite {
                throw ConfigurationError(
                    field: "link \(nodes[link.from].name) -> \(nodes[link.to].name) bandwidth",
                    value: "\(spec.bandwidthBytesPerSecond)", reason: "bandwidth must be a positive number of bytes per second")
            }
            if !(spec.latencySeconds >= 0) || !spec.latencySeconds.isFinite {
                throw ConfigurationError(
                    field: "link \(nodes[link.from].name) -> \(nodes[link.to].name) latency",
                    value: "\(spec.latencySeconds)", reason: "latency must be a finite number of seconds, zero or more")
            }
            if let regimes = spec.regimes {
                let name = "link \(nodes[link.from].name) -> \(nodes[link.to].name) regimes"
                guard regimes.first?.fromBytes == 0 else {
                    throw ConfigurationError(field: name, value: "\(regimes.first?.fromBytes ?? .nan)",
                                             reason: "the first message regime must start at 0 bytes")
                }
                for (i, r) in regimes.enumerated() {
                    if i > 0 && !(r.fromBytes > regimes[i - 1].fromBytes) || !r.fromBytes.isFinite {
                        throw ConfigurationError(field: "\(name)[\(i)].fromBytes", value: "\(r.fromBytes)",
                                                 reason: "regimes must start at increasing, finite message sizes")
                    }
                    if !(r.overheadSeconds >= 0) || !r.overheadSeconds.isFinite {
                        throw ConfigurationError(field: "\(name)[\(i)].overheadSeconds", value: "\(r.overheadSeconds)",
                                                 reason: "a message overhead must be a finite number of seconds, zero or more")
                    }
                    if !(r.efficiency > 0 && r.efficiency <= 1) {
                        throw ConfigurationError(field: "\(name)[\(i)].efficiency", value: "\(r.efficiency)",
                                                 reason: "a regime's share of the link bandwidth must be in (0, 1]")
                    }
                }
            }
        }
        precondition(Set(ringOrder) == Set(devices.indices) && ringOrder.count == devices.count, "ring order is not a permutation")
    }
}
