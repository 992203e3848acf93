/// Shortest routes between vertices of a topology, computed lazily and cached.
///
/// A route minimises the hop count; among routes with equally many hops it prefers the
/// smallest sum of seconds-per-byte (faster links). Routes that are still equal are
/// spread deterministically by a hash of (source, destination), like ECMP, so runs are
/// reproducible. Route ids index flat arrays of link indices, latencies and bottlenecks.
public struct RouteTable: Sendable {
    /// The topology the routes run over.
    public let topology: Topology
    /// Link indices of all routes, concatenated; route `r` is `linkIndices[routeStart[r]..<routeStart[r + 1]]`.
    public private(set) var linkIndices: [Int32] = []
    /// Start of each route in `linkIndices`, plus one final end marker.
    public private(set) var routeStart: [Int32] = [0]
    /// Sum of the link latencies of each route, in seconds.
    public private(set) var latencySeconds: [Double] = []
    /// The smallest link bandwidth on each route, in bytes per second.
    public private(set) var bottleneckBytesPerSecond: [Double] = []

    private var cache: [Int: Int32] = [:]
    private var costsToDestination: [Int: [RouteCost]] = [:]
    private let outgoing: [[Int]]
    private let incoming: [[Int]]
    /// Per link: its source vertex and seconds per byte, copied out of `topology.links` so
    /// the per-destination search does not copy link structs.
    private let linkFrom: [Int]
    private let linkSecondsPerByte: [Double]

    /// Lexicographic route cost: hops first, then seconds per byte.
    struct RouteCost: Comparable, Sendable {
        var hops: Int
        var secondsPerByte: Double
        static let unreachable = RouteCost(hops: .max, secondsPerByte: .infinity)
        static func < (a: RouteCost, b: RouteCost) -> Bool {
            a.hops != b.hops ? a.hops < b.hops : a.secondsPerByte < b.secondsPerByte * (1 - 1e-9)
        }
        func adding(_ spec: LinkSpec) -> RouteCost {
            RouteCost(hops: hops + 1, secondsPerByte: secondsPerByte + 1 / spec.bandwidthBytesPerSecond)
        }
        func sameAs(_ other: RouteCost) -> Bool { !(self < other) && !(other < self) }
    }

    /// Creates an empty route table over `topology`.
    public init(topology: Topology) {
        self.topology = topology
        var outgoing = Array(repeating: [Int](), count: topology.nodes.count)
        var incoming = Array(repeating: [Int](), count: topology.nodes.count)
        for (index, link) in topology.links.enumerated() {
            outgoing[link.from].append(index)
            incoming[link.to].append(index)
        }
        self.outgoing = outgoing
        self.incoming = incoming
        linkFrom = topology.links.map(\.from)
        linkSecondsPerByte = topology.links.map { 1 / $0.spec.bandwidthBytesPerSecond }
    }

    /// Number of routes computed so far.
    public var routeCount: Int { latencySeconds.count }

    /// The route id from vertex `source` to vertex `destination` (computed on first use).
    public mutating func route(from source: Int, to destination: Int) throws -> Int32 {
        let key = source &* topology.nodes.count &+ destination
        if let id = cache[key] { return id }
        let id = try computeRoute(from: source, to: destination)
        cache[key] = id
        return id
    }

    /// The range of `linkIndices` that holds route `route`.
    @inlinable
    public func linkRange(of route: Int32) -> Range<Int> {
        Int(routeStart[Int(route)])..<Int(routeStart[Int(route) + 1])
    }

    private mutating func computeRoute(from source: Int, to destination: Int) throws -> Int32 {
        let costs = costs(to: destination)
        guard costs[source] != .unreachable else {
            throw ConfigurationError(
                field: "topology", value: topology.name,
                reason: "no path from \(topology.nodes[source].name) to \(topology.nodes[destination].name)")
        }
        var node = source
        var latency = 0.0
        var bottleneck = Double.infinity
        var hop = 0
        while node != destination {
            var candidates: [Int] = []
            for linkIndex in outgoing[node] {
                let link = topology.links[linkIndex]
                guard costs[link.to] != .unreachable else { continue }
                if costs[link.to].adding(link.spec).sameAs(costs[node]) { candidates.append(linkIndex) }
            }
            let pick = candidates[Int(Self.mix(UInt64(source), UInt64(destination), UInt64(hop)) % UInt64(candidates.count))]
            let link = topology.links[pick]
            linkIndices.append(Int32(pick))
            latency += link.spec.latencySeconds
            bottleneck = min(bottleneck, link.spec.bandwidthBytesPerSecond)
            node = link.to
            hop += 1
        }
        routeStart.append(Int32(linkIndices.count))
        latencySeconds.append(latency)
        bottleneckBytesPerSecond.append(bottleneck)
        return Int32(latencySeconds.count - 1)
    }

    /// The cost of the best route from every vertex to `destination`.
    ///
    /// Breadth-first search on the reversed graph settles hop counts layer by layer; a
    /// vertex's seconds-per-byte depends only on the layer before it, which is complete
    /// when the vertex is reached, so one O(V + E) pass gives the lexicographic optimum.
    private mutating func costs(to destination: Int) -> [RouteCost] {
        if let known = costsToDestination[destination] { return known }
        var cost = Array(repeating: RouteCost.unreachable, count: topology.nodes.count)
        cost[destination] = RouteCost(hops: 0, secondsPerByte: 0)
        var queue = [destination]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let here = cost[node]
            for linkIndex in incoming[node] {
                let from = linkFrom[linkIndex]
                let candidate = RouteCost(hops: here.hops + 1, secondsPerByte: here.secondsPerByte + linkSecondsPerByte[linkIndex])
                if cost[from].hops == RouteCost.unreachable.hops {
                    cost[from] = candidate
                    queue.append(from)
                } else if cost[from].hops == candidate.hops && candidate.secondsPerByte < cost[from].secondsPerByte {
                    cost[from] = candidate
                }
            }
        }
        costsToDestination[destination] = cost
        return cost
    }

    /// A deterministic 64-bit mix (SplitMix64 finaliser) for spreading equal-cost routes.
    static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var z = a &* 0x9E37_79B9_7F4A_7C15 &+ b &* 0xBF58_476D_1CE4_E5B9 &+ c &* 0x94D0_49BB_1331_11EB
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
