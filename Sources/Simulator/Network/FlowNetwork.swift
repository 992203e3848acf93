/// A flow-level network on the event kernel: transfers follow routes and share links max-min fairly.
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
public final class FlowNetwork: EventHandler {
    /// The routes (and the topology) this network uses.
    public let routes: RouteTable
    /// The event kernel driving the network.
    public unowned let simulator: EventSimulator
    /// The network's handler id in the kernel.
    public private(set) var handlerID: Int32 = -1

    // Links.
    var linkBandwidth: [Double]
    var linkFlows: [[FlowHop]]

    // Flows, structure of arrays indexed by slot.
    var flowRoute: [Int32] = []
    var flowRemainingBytes: [Double] = []
    var flowRate: [Double] = []
    var flowUpdatedSeconds: [Double] = []
    var flowTransmitEndSeconds: [Double] = []
    var flowVersion: [UInt32] = []
    var flowState: [FlowState] = []
    var flowObserver: [Int32] = []
    var flowToken: [Int] = []
    var flowPositionBase: [Int32] = []
    var flowPositionCapacity: [Int32] = []
    var positions: [Int32] = []
    var freeSlots: [Int32] = []

    // Pending recomputation.
    var dirtyFlows: [Int32] = []
    var dirtyLinks: [Int32] = []
    var recomputePending = false

    // Water-filling scratch space.
    var epoch: UInt32 = 0
    var flowMark: [UInt32] = []
    var linkMark: [UInt32]
    var linkCapacity: [Double]
    var linkUnfrozen: [Int32]
    var linkStamp: [UInt32]
    var componentFlows: [Int32] = []
    var componentLinks: [Int32] = []

    var observers: [any FlowObserver] = []

    /// Flows started so far.
    public private(set) var startedFlowCount = 0
    /// Flows that at some point shared a link with another transmitting flow.
    public internal(set) var sharedFlowCount = 0
    /// Rate recomputations (water-filling passes) so far.
    public internal(set) var recomputationCount = 0
    /// The largest number of flows seen transmitting on one link at once.
    public private(set) var maxFlowsOnLink = 0
    /// Bytes carried by each link so far (counted when flows start).
    public private(set) var linkBytes: [Double]

    static let transmitEndKind: Int32 = 0
    static let deliveryKind: Int32 = 1
    static let recomputeKind: Int32 = 2

    /// Creates a network over `topology`, registered with `simulator`.
    public init(topology: Topology, simulator: EventSimulator) {
        self.routes = RouteTable(topology: topology)
        self.simulator = simulator
        let linkCount = topology.links.count
        linkBandwidth = topology.links.map(\.spec.bandwidthBytesPerSecond)
        linkFlows = Array(repeating: [], count: linkCount)
        linkMark = Array(repeating: 0, count: linkCount)
        linkCapacity = Array(repeating: 0, count: linkCount)
        linkUnfrozen = Array(repeating: 0, count: linkCount)
        linkStamp = Array(repeating: 0, count: linkCount)
        linkBytes = Array(repeating: 0, count: linkCount)
        handlerID = simulator.register(self)
    }

    /// Registers an observer and returns the id to pass to `startFlow`.
    public func addObserver(_ observer: any FlowObserver) -> Int32 {
        observers.append(observer)
        return Int32(observers.count - 1)
    }

    /// Number of flows started but not yet delivered.
    public var activeFlowCount: Int { flowState.count - freeSlots.count }

    /// Starts sending `bytes` along route `route` now; `observer` is told `token` on delivery.
    public func startFlow(route: Int32, bytes: Double, observer: Int32, token: Int) {
        precondition(bytes >= 0 && bytes.isFinite, "flow size must be finite and not negative, got \(bytes)")
        let now = simulator.nowSeconds
        let flow = allocateSlot(route: route)
        let f = Int(flow)
        flowRemainingBytes[f] = bytes
        flowObserver[f] = observer
        flowToken[f] = token
        flowUpdatedSeconds[f] = now
        flowRate[f] = 0
        startedFlowCount += 1
        let range = routes.linkRange(of: route)
        if bytes == 0 || range.isEmpty {
            flowState[f] = .delivering
            scheduleFlowEvent(Self.deliveryKind, flow: flow, atSeconds: now + routes.latencySeconds[Int(route)])
            return
        }
        var idle = true
        for index in range {
            let link = Int(routes.linkIndices[index])
            linkBytes[link] += bytes
            if !linkFlows[link].isEmpty {
                releaseFinishedExclusiveFlows(on: link, now: now)
                if !linkFlows[link].isEmpty { idle = false }
            }
        }
        attach(flow)
        if idle {
            let rate = routes.bottleneckBytesPerSecond[Int(route)]
            flowRate[f] = rate
            flowTransmitEndSeconds[f] = now + bytes / rate
            flowState[f] = .exclusive
            scheduleFlowEvent(Self.deliveryKind, flow: flow, atSeconds: flowTransmitEndSeconds[f] + routes.latencySeconds[Int(route)])
        } else {
            flowState[f] = .shared
            sharedFlowCount += 1
            dirtyFlows.append(flow)
            requestRecompute()
        }
    }

    /// Dispatches the network's own events (transmission end, delivery, recomputation).
    public func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        if event.kind == Self.recomputeKind {
            recomputePending = false
            recomputeRates()
            return
        }
        let flow = Int32(truncatingIfNeeded: event.payload & 0xFFFF_FFFF)
        let version = UInt32(truncatingIfNeeded: event.payload >> 32)
        let f = Int(flow)
        guard flowVersion[f] == version, flowState[f] != .free else { return }  // stale
        if event.kind == Self.transmitEndKind {
            flowRemainingBytes[f] = 0
            for index in routes.linkRange(of: flowRoute[f]) {
                let link = routes.linkIndices[index]
                if linkFlows[Int(link)].count > 1 { dirtyLinks.append(link) }
            }
            detach(flow)
            if !dirtyLinks.isEmpty { requestRecompute() }
            flowState[f] = .delivering
            scheduleFlowEvent(Self.deliveryKind, flow: flow, atSeconds: simulator.nowSeconds + routes.latencySeconds[Int(flowRoute[f])])
        } else {
            if flowState[f] == .exclusive { detach(flow) }
            let observer = flowObserver[f]
            let token = flowToken[f]
            flowState[f] = .free
            flowVersion[f] &+= 1
            freeSlots.append(flow)
            observers[Int(observer)].flowDelivered(token: token, network: self)
        }
    }

    // MARK: - Slots and link membership

    private func allocateSlot(route: Int32) -> Int32 {
        let hops = Int32(routes.linkRange(of: route).count)
        let flow: Int32
        if let reused = freeSlots.popLast() {
            flow = reused
        } else {
            flow = Int32(flowState.count)
            flowRoute.append(0); flowRemainingBytes.append(0); flowRate.append(0)
            flowUpdatedSeconds.append(0); flowTransmitEndSeconds.append(0); flowVersion.append(0)
            flowState.append(.free); flowObserver.append(0); flowToken.append(0)
            flowPositionBase.append(0); flowPositionCapacity.append(0); flowMark.append(0)
        }
        let f = Int(flow)
        if flowPositionCapacity[f] < hops {
            flowPositionBase[f] = Int32(positions.count)
            flowPositionCapacity[f] = hops
            positions.append(contentsOf: repeatElement(0, count: Int(hops)))
        }
        flowRoute[f] = route
        return flow
    }

    /// Puts a flow on the active lists of all its links.
    func attach(_ flow: Int32) {
        let f = Int(flow)
        let base = Int(flowPositionBase[f])
        var hop: Int32 = 0
        for index in routes.linkRange(of: flowRoute[f]) {
            let link = Int(routes.linkIndices[index])
            positions[base + Int(hop)] = Int32(linkFlows[link].count)
            linkFlows[link].append(FlowHop(flow: flow, hop: hop))
            if linkFlows[link].count > maxFlowsOnLink { maxFlowsOnLink = linkFlows[link].count }
            hop += 1
        }
    }

    /// Takes a flow off the active lists of all its links (O(1) per link).
    func detach(_ flow: Int32) {
        let f = Int(flow)
        let base = Int(flowPositionBase[f])
        var hop = 0
        for index in routes.linkRange(of: flowRoute[f]) {
            let link = Int(routes.linkIndices[index])
            let position = Int(positions[base + hop])
            let last = linkFlows[link].removeLast()
            if position < linkFlows[link].count {
                linkFlows[link][position] = last
                positions[Int(flowPositionBase[Int(last.flow)]) + Int(last.hop)] = Int32(position)
            }
            hop += 1
        }
    }

    /// Removes exclusive flows whose bytes have all been sent from a link's lists (they await delivery only).
    func releaseFinishedExclusiveFlows(on link: Int, now: Double) {
        var index = 0
        while index < linkFlows[link].count {
            let flow = linkFlows[link][index].flow
            let f = Int(flow)
            if flowState[f] == .exclusive && flowTransmitEndSeconds[f] <= now {
                detach(flow)
                flowRemainingBytes[f] = 0
                flowState[f] = .delivering  // its delivery event stays valid
            } else {
                index += 1
            }
        }
    }

    func scheduleFlowEvent(_ kind: Int32, flow: Int32, atSeconds time: Double) {
        let payload = Int(flowVersion[Int(flow)]) << 32 | Int(flow)
        simulator.schedule(atSeconds: time, handler: handlerID, kind: kind, payload: payload)
    }

    private func requestRecompute() {
        guard !recomputePending else { return }
        recomputePending = true
        // Runs after every event already scheduled for this instant, so simultaneous
        // starts and ends are settled by one water-filling pass.
        simulator.schedule(afterSeconds: 0, handler: handlerID, kind: Self.recomputeKind)
    }
}
