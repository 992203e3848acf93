import Foundation

/// Collective timers shared by every worker thread of a sweep: each distinct cluster and algorithm is scheduled once.
///
/// A timer is built by the first thread that asks for it; others asking for the same key
/// wait for it, while timers of other keys are built in parallel. Timers of one cluster
/// (its algorithms and chunk counts) share one route table, so each route is searched once.
public final class CollectiveTimerStore: @unchecked Sendable {
    struct Key: Hashable {
        var spec: TopologySpec, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int
    }

    /// One key's timer, built once under its own lock.
    private final class Slot {
        let lock = NSLock()
        var timer: Result<CollectiveTimer, Error>?
    }

    /// One cluster's routes, extended under its own lock by the timers built on it.
    private final class RouteSlot {
        let lock = NSLock()
        var routes: RouteTable?
    }

    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]
    private var routeSlots: [TopologySpec: RouteSlot] = [:]

    public init() {}

    /// The timer of a cluster and algorithm, built on first use.
    func timer(spec: TopologySpec, topology: Topology, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int) throws -> CollectiveTimer {
        let key = Key(spec: spec, devices: devices, algorithm: algorithm, chunks: chunks)
        lock.lock()
        let slot = slots[key] ?? Slot()
        slots[key] = slot
        let routeSlot = routeSlots[spec] ?? RouteSlot()
        routeSlots[spec] = routeSlot
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if slot.timer == nil {
            routeSlot.lock.lock()
            defer { routeSlot.lock.unlock() }
            var routes = routeSlot.routes ?? RouteTable(topology: topology)
            routeSlot.routes = nil  // keep the table uniquely referenced while it grows
            slot.timer = Result { try CollectiveTimer(routes: &routes, devices: devices, algorithm: algorithm, chunks: chunks) }
            routeSlot.routes = routes
        }
        return try slot.timer!.get()
    }
}
