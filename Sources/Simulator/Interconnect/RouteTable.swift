import InputParsing
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
    /// Each route's cost by message size when one of its links has message regimes (nil: `latencySeconds` and
    /// `bottleneckBytesPerSecond` for every size).
    public private(set) var messageCosts: [RouteMessageCost?] = []
    /// Whether any link of the topology has message regimes (else every route's cost is linear in the bytes).
    public let hasMessageRegimes: Bool

    private var cache: [Int: Int32] = [:]
    /// Full searches kept per destination (`route(from:to:)`).
    private var costsToDestination: [Int: RouteCosts] = [:]
    /// Scratch costs of a partial search (unreachable everywhere between searches).
    private var scratch: RouteCosts
    let graph: RouteGraph

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
        graph = RouteGraph(topology: topology)
        hasMessageRegimes = topology.links.contains { $0.spec.regimes != nil }
        scratch = RouteCosts(vertexCount: topology.nodes.count)
    }

    /// The route id from vertex `source` to vertex `destination` (computed on first use).
    ///
    /// The first route to a destination searches the whole graph once and keeps the costs,
    /// so that later routes to it are cheap; `routes(_:)` serves batches without keeping them.
    public mutating func route(from source: Int, to destination: Int) throws -> Int32 {
        let key = source &* topology.nodes.count &+ destination
        if let id = cache[key] { return id }
        let costs = costsToDestination[destination] ?? {
            var costs = RouteCosts(vertexCount: topology.nodes.count)
            _ = graph.search(to: destination, stoppingAfter: [], costs: &costs)
            costsToDestination[destination] = costs
            return costs
        }()
        let id = try appendRoute(from: source, to: destination, costs: costs)
        cache[key] = id
        return id
    }

    /// The route ids of many (source vertex, destination vertex) pairs, in order; the same routes `route(from:to:)` gives.
    ///
    /// Pairs are grouped by destination and each destination is searched once, only as far
    /// as its farthest source (see `RouteGraph.search`), and its costs are not kept: the
    /// cheap way to route every edge of a collective once.
    public mutating func routes(_ pairs: [(source: Int, destination: Int)]) throws -> [Int32] {
        var ids = Array(repeating: Int32(-1), count: pairs.count)
        var sourcesByDestination: [Int: [Int]] = [:]
        var destinations: [Int] = []
        for (k, pair) in pairs.enumerated() {
            if let id = cache[pair.source &* topology.nodes.count &+ pair.destination] {
                ids[k] = id
            } else {
                if sourcesByDestination[pair.destination] == nil { destinations.append(pair.destination) }
                sourcesByDestination[pair.destination, default: []].append(pair.source)
            }
        }
        for destination in destinations {
            let sources = sourcesByDestination[destination]!
            if let costs = costsToDestination[destination] {
                for source in sources where cache[source &* topology.nodes.count &+ destination] == nil {
                    cache[source &* topology.nodes.count &+ destination] = try appendRoute(from: source, to: destination, costs: costs)
                }
                continue
            }
            var costs = scratch
            scratch = RouteCosts(vertexCount: 0)  // `costs` stays uniquely referenced while the search writes it
            let reached = graph.search(to: destination, stoppingAfter: sources, costs: &costs)
            defer {
                costs.reset(reached)
                scratch = costs
            }
            for source in sources where cache[source &* topology.nodes.count &+ destination] == nil {
                cache[source &* topology.nodes.count &+ destination] = try appendRoute(from: source, to: destination, costs: costs)
            }
        }
        for (k, pair) in pairs.enumerated() where ids[k] < 0 {
            ids[k] = cache[pair.source &* topology.nodes.count &+ pair.destination]!
        }
        return ids
    }

    /// Latency (seconds) and seconds per byte of one message of `bytes` alone on route `route`.
    @inlinable
    public func messageCost(route: Int, bytes: Double) -> (latencySeconds: Double, secondsPerByte: Double) {
        if hasMessageRegimes, let cost = messageCosts[route] { return cost.at(bytes) }
        return (latencySeconds[route], 1 / bottleneckBytesPerSecond[route])
    }

    /// The range of `linkIndices` that holds route `route`.
    @inlinable
    public func linkRange(of route: Int32) -> Range<Int> {
        Int(routeStart[Int(route)])..<Int(routeStart[Int(route) + 1])
    }

    /// Appends the route from `source` to `destination` that follows `costs` (exact up to the source's hop count).
    private mutating func appendRoute(from source: Int, to destination: Int, costs: RouteCosts) throws -> Int32 {
        guard costs[source] != .unreachable else {
            throw ConfigurationError(
                field: "topology", value: topology.name,
                reason: "no path from \(topology.nodes[source].name) to \(topology.nodes[destination].name)")
        }
        var node = source
        var latency = 0.0
        var bottleneck = Double.infinity
        var hop = 0
        var regimes = false
        while node != destination {
            var candidates: [Int] = []
            for linkIndex in graph.outgoing[node] {
                let link = topology.links[linkIndex]
                guard costs[link.to] != .unreachable else { continue }
                if costs[link.to].adding(link.spec).sameAs(costs[node]) { candidates.append(linkIndex) }
            }
            let pick = candidates[Int(Self.mix(UInt64(source), UInt64(destination), UInt64(hop)) % UInt64(candidates.count))]
            let link = topology.links[pick]
            linkIndices.append(Int32(pick))
            latency += link.spec.latencySeconds
            bottleneck = min(bottleneck, link.spec.bandwidthBytesPerSecond)
            regimes = regimes || link.spec.regimes != nil
            node = link.to
            hop += 1
        }
        routeStart.append(Int32(linkIndices.count))
        latencySeconds.append(latency)
        bottleneckBytesPerSecond.append(bottleneck)
        messageCosts.append(regimes ? RouteMessageCost(links: linkIndices[Int(routeStart[routeStart.count - 2])...].map {
            topology.links[Int($0)].spec
        }) : nil)
        return Int32(latencySeconds.count - 1)
    }

    /// A deterministic 64-bit mix (SplitMix64 finaliser) for spreading equal-cost routes.
    static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var z = a &* 0x9E37_79B9_7F4A_7C15 &+ b &* 0xBF58_476D_1CE4_E5B9 &+ c &* 0x94D0_49BB_1331_11EB
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
