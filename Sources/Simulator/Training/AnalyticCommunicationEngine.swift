/// The training schedule's communication in closed form: nothing contends, nothing is jittered.
///
/// A group's reductions run back to back on its stream, each taking the time its group's
/// `CollectiveTimer` gives (the event simulation's schedule and routes, every transfer at
/// its route's full bottleneck bandwidth); a flow between groups takes its route's latency
/// plus its bytes over the route's bottleneck bandwidth.
final class AnalyticCommunicationEngine: CommunicationEngine {
    private let topology: Topology
    private let timers: [CollectiveTimer]
    /// Routes of the transfers between groups and of replications (shared between plans on one topology, or built on
    /// first use: G and D on every device send nothing, unless a single process replicates its parameters).
    private lazy var routes = sharedRoutes ?? SharedRouteTable(topology: topology)
    private let sharedRoutes: SharedRouteTable?
    private var streamFree: [Double]
    private var finished: [[(startSeconds: Double, endSeconds: Double)]]
    private var transfers: [(starts: [Int: Double], arrivals: [Int: Double])] = []

    /// An engine over `topology` with one timer per reduction group, finding routes in `routes` if given.
    init(topology: Topology, timers: [CollectiveTimer], routes: SharedRouteTable? = nil) {
        self.topology = topology
        self.timers = timers
        sharedRoutes = routes
        streamFree = Array(repeating: 0, count: timers.count)
        finished = Array(repeating: [], count: timers.count)
    }

    var eventCount: Int { 0 }
    var flowCount: Int { 0 }

    func enqueueReduction(group: Int, readySeconds: Double, bytes: Double) throws {
        let start = max(readySeconds, streamFree[group])
        streamFree[group] = start + timers[group].seconds(bytes: bytes)
        finished[group].append((start, streamFree[group]))
    }

    func finishReductions(group: Int) -> [(startSeconds: Double, endSeconds: Double)] {
        defer { finished[group].removeAll(keepingCapacity: true) }
        return finished[group]
    }

    func send(from sources: [Int], to destinations: [Int], bytesPerDestination: Double, sourceReady: [Int: Double]) throws -> Int {
        var starts: [Int: Double] = [:], arrivals: [Int: Double] = [:]
        for flow in Self.flows(from: sources, to: destinations, bytesPerDestination: bytesPerDestination) {
            let start = sourceReady[flow.source] ?? 0
            let route = Int(try routes.table.route(from: topology.devices[flow.source], to: topology.devices[flow.destination]))
            let cost = routes.table.messageCost(route: route, bytes: flow.bytes)
            let arrival = start + cost.latencySeconds + flow.bytes * cost.secondsPerByte
            starts[flow.destination] = min(starts[flow.destination] ?? .infinity, start)
            arrivals[flow.destination] = max(arrivals[flow.destination] ?? 0, arrival)
        }
        transfers.append((starts, arrivals))
        return transfers.count - 1
    }

    func finish(transfer id: Int) -> (starts: [Int: Double], arrivals: [Int: Double]) { transfers[id] }

    func copy(from source: Int, to destinations: [Int], bytes: Double, readySeconds: Double) throws -> Double {
        readySeconds + (try routes.copySeconds(topology: topology, from: source, to: destinations, bytes: bytes))
    }
}
