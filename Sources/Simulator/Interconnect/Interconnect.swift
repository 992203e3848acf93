/// A flow-level interconnect on the event kernel: transfers follow routes and share links max-min fairly.
///
/// A flow sends `bytes` along a route; its bytes occupy the links at its rate and the
/// last byte arrives one route latency after it has been sent. When flows start or finish
/// on shared links, the rates of the affected flows (the connected component of the
/// contention graph) are recomputed by progressive filling, and their completion events
/// are rescheduled; stale events are recognised by a per-flow version number instead of
/// being removed from the heap.
///
/// A flow that finds all its links idle runs at its route's bottleneck bandwidth and needs
/// a single (delivery) event and no recomputation, which keeps uncontended collectives
/// (a ring on a ring) at one event per transfer. Should a later flow join one of its
/// links, it is converted to a shared flow on the spot.
///
/// The mutable state lives in one value (`InterconnectState`) so that each call pays for
/// one exclusivity check, not one per array element.
public final class Interconnect: EventHandler {
    /// The event kernel driving the interconnect.
    public unowned let simulator: EventSimulator
    /// The topology the interconnect carries traffic over.
    public let topology: Topology
    var state: InterconnectState
    private var observers: [any FlowObserver] = []

    /// Creates a interconnect over `topology`, registered with `simulator`.
    public init(topology: Topology, simulator: EventSimulator) {
        self.simulator = simulator
        self.topology = topology
        state = InterconnectState(topology: topology, simulator: simulator)
        state.handlerID = simulator.register(self)
    }

    /// Registers an observer and returns the id to pass to `startFlow`.
    public func addObserver(_ observer: any FlowObserver) -> Int32 {
        observers.append(observer)
        return Int32(observers.count - 1)
    }

    /// The route id between two topology vertices (computed and cached on first use).
    public func route(from source: Int, to destination: Int) throws -> Int32 {
        try state.routes.route(from: source, to: destination)
    }

    /// The routes computed so far (link lists, latencies, bottlenecks).
    public var routes: RouteTable { state.routes }

    /// Starts sending `bytes` along route `route` now; `observer` is told `token` on delivery.
    public func startFlow(route: Int32, bytes: Double, observer: Int32, token: Int) {
        state.start(route: route, bytes: bytes, observer: observer, token: token)
    }

    /// Dispatches the interconnect's own events (transmission end, delivery, recomputation).
    public func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        let delivered = state.handle(event)
        if delivered.observer >= 0 {
            observers[Int(delivered.observer)].flowDelivered(token: delivered.token, interconnect: self)
        }
    }

    /// Flows started so far.
    public var startedFlowCount: Int { state.startedFlowCount }
    /// Flows that at some point shared a link with another transmitting flow.
    public var sharedFlowCount: Int { state.sharedFlowCount }
    /// Rate recomputations (water-filling passes) so far.
    public var recomputationCount: Int { state.recomputationCount }
    /// The largest number of flows seen transmitting on one link at once.
    public var maxFlowsOnLink: Int { state.maxFlowsOnLink }
    /// Bytes carried by each link so far (counted when flows start).
    public var linkBytes: [Double] { state.linkBytes }
}
