/// The mutable state of a `Interconnect`: links, flows (structure of arrays), routes and statistics.
struct InterconnectState {
    unowned(unsafe) let simulator: EventSimulator
    var handlerID: Int32 = -1
    var routes: RouteTable

    // Links.
    var linkBandwidth: [Double]
    var linkFlows: [[FlowHop]]

    // Flows, indexed by slot.
    var flowRoute: [Int32] = []
    /// Bytes the flow still occupies its links with: its payload, divided by its message regime's efficiency.
    var flowRemainingBytes: [Double] = []
    /// Seconds from the flow's last byte leaving to its delivery (the route's latency for its message size).
    var flowLatencySeconds: [Double] = []
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

    // Statistics.
    var startedFlowCount = 0
    var sharedFlowCount = 0
    var recomputationCount = 0
    var maxFlowsOnLink = 0
    var linkBytes: [Double]

    static let transmitEndKind: Int32 = 0
    static let deliveryKind: Int32 = 1
    static let recomputeKind: Int32 = 2

    init(topology: Topology, simulator: EventSimulator) {
        self.simulator = simulator
        routes = RouteTable(topology: topology)
        let linkCount = topology.links.count
        linkBandwidth = topology.links.map(\.spec.bandwidthBytesPerSecond)
        linkFlows = Array(repeating: [], count: linkCount)
        linkMark = Array(repeating: 0, count: linkCount)
        linkCapacity = Array(repeating: 0, count: linkCount)
        linkUnfrozen = Array(repeating: 0, count: linkCount)
        linkStamp = Array(repeating: 0, count: linkCount)
        linkBytes = Array(repeating: 0, count: linkCount)
    }

    mutating func start(route: Int32, bytes: Double, observer: Int32, token: Int) {
        precondition(bytes >= 0 && bytes.isFinite, "flow size must be finite and not negative, got \(bytes)")
        let now = simulator.nowSeconds
        let flow = allocateSlot(route: route)
        let f = Int(flow)
        if routes.hasMessageRegimes {
            let cost = routes.messageCost(route: Int(route), bytes: bytes)
            flowRemainingBytes[f] = bytes * routes.bottleneckBytesPerSecond[Int(route)] * cost.secondsPerByte
            flowLatencySeconds[f] = cost.latencySeconds
        } else {
            flowRemainingBytes[f] = bytes
            flowLatencySeconds[f] = routes.latencySeconds[Int(route)]
        }
        flowObserver[f] = observer
        flowToken[f] = token
        flowUpdatedSeconds[f] = now
        flowRate[f] = 0
        startedFlowCount += 1
        let range = routes.linkRange(of: route)
        if bytes == 0 || range.isEmpty {
            flowState[f] = .delivering
            scheduleFlowEvent(Self.deliveryKind, flow: flow, atSeconds: now + flowLatencySeconds[f])
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
            flowTransmitEndSeconds[f] = now + flowRemainingBytes[f] / rate
            flowState[f] = .exclusive
            scheduleFlowEvent(Self.deliveryKind, flow: flow, atSeconds: flowTransmitEndSeconds[f] + flowLatencySeconds[f])
        } else {
            flowState[f] = .shared
            sharedFlowCount += 1
            dirtyFlows.append(flow)
            requestRecompute()
        }
    }

    /// Handles a interconnect event; returns the observer (-1: none) and token of a delivered flow.
    mutating func handle(_ event: SimulationEvent) -> (observer: Int32, token: Int) {
        if event.kind == Self.recomputeKind {
            recomputePending = false
            recomputeRates()
            return (-1, 0)
        }
        let flow = Int32(truncatingIfNeeded: event.payload & 0xFFFF_FFFF)
        let version = UInt32(truncatingIfNeeded: event.payload >> 32)
        let f = Int(flow)
        guard flowVersion[f] == version, flowState[f] != .free else { return (-1, 0) }  // stale
        if event.kind == Self.transmitEndKind {
            flowRemainingBytes[f] = 0
            for index in routes.linkRange(of: flowRoute[f]) {
                let link = routes.linkIndices[index]
                if linkFlows[Int(link)].count > 1 { dirtyLinks.append(link) }
            }
            detach(flow)
            if !dirtyLinks.isEmpty { requestRecompute() }
            flowState[f] = .delivering
            scheduleFlowEvent(Self.deliveryKind, flow: flow, atSeconds: simulator.nowSeconds + flowLatencySeconds[f])
            return (-1, 0)
        }
        if flowState[f] == .exclusive { detach(flow) }
        flowState[f] = .free
        flowVersion[f] &+= 1
        freeSlots.append(flow)
        return (flowObserver[f], flowToken[f])
    }

    // MARK: - Slots and link membership

    private mutating func allocateSlot(route: Int32) -> Int32 {
        let hops = Int32(routes.linkRange(of: route).count)
        let flow: Int32
        if let reused = freeSlots.popLast() {
            flow = reused
        } else {
            flow = Int32(flowState.count)
            flowRoute.append(0); flowRemainingBytes.append(0); flowLatencySeconds.append(0); flowRate.append(0)
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
    mutating func attach(_ flow: Int32) {
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
    mutating func detach(_ flow: Int32) {
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
    mutating func releaseFinishedExclusiveFlows(on link: Int, now: Double) {
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

    mutating func scheduleFlowEvent(_ kind: Int32, flow: Int32, atSeconds time: Double) {
        let payload = Int(flowVersion[Int(flow)]) << 32 | Int(flow)
        simulator.schedule(atSeconds: time, handler: handlerID, kind: kind, payload: payload)
    }

    private mutating func requestRecompute() {
        guard !recomputePending else { return }
        recomputePending = true
        // Runs after every event already scheduled for this instant, so simultaneous
        // starts and ends are settled by one water-filling pass.
        simulator.schedule(afterSeconds: 0, handler: handlerID, kind: Self.recomputeKind)
    }
}
