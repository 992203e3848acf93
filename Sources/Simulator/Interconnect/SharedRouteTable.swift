/// A route table shared by the engines of every plan on one topology, so that routes found once are reused, with the
/// closed-form times of one-to-many copies found on it.
///
/// Not thread-safe: one per `ScenarioCache` (one per sweep thread).
final class SharedRouteTable {
    var table: RouteTable
    /// Seconds until the last of a group's other ranks (contiguous, known by the first and the count) has `bytes`
    /// copied from `source`, each flow at its route's full bottleneck bandwidth.
    private var copies: [CopyKey: Double] = [:]

    private struct CopyKey: Hashable {
        var source: Int, firstDestination: Int, destinations: Int, bytes: Double
    }

    init(topology: Topology) { table = RouteTable(topology: topology) }

    /// Seconds for `source` to copy `bytes` to every device of `destinations` (flows in parallel, nothing shared).
    func copySeconds(topology: Topology, from source: Int, to destinations: [Int], bytes: Double) throws -> Double {
        let key = CopyKey(source: source, firstDestination: destinations.first ?? -1, destinations: destinations.count, bytes: bytes)
        if let known = copies[key] { return known }
        var seconds = 0.0
        // Every link runs both ways with one spec (`Topology.connect`), so the best route back from each destination
        // costs what the route there does: the routes to the source need one search, where routes from it would need
        // one per destination (thousands of graph searches for a large cluster).
        for destination in destinations {
            let route = Int(try table.route(from: topology.devices[destination], to: topology.devices[source]))
            let cost = table.messageCost(route: route, bytes: bytes)
            seconds = max(seconds, cost.latencySeconds + bytes * cost.secondsPerByte)
        }
        copies[key] = seconds
        return seconds
    }
}
