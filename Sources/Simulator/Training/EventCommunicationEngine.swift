/// The training schedule's communication as flows on the event-driven, congestion-aware interconnect.
///
/// Each device group has one reduction stream: its queued buckets are all-reduced one at a
/// time by a `CollectiveRunner`, each starting when it is ready and the previous one has
/// finished. A group with several candidate algorithms runs each bucket on the one whose
/// congestion-free time (`CollectiveTimer`) is least for its size. Transfers between groups
/// are point-to-point flows that share links with the reductions. The engine advances the
/// event kernel only as far as the schedule asks.
final class EventCommunicationEngine: CommunicationEngine, EventHandler, FlowObserver {
    private let topology: Topology
    private let simulator = EventSimulator()
    private let interconnect: Interconnect
    /// Per group, one runner per candidate algorithm, and the timer that picks between them.
    private var runners: [[CollectiveRunner]] = []
    private var choosers: [CollectiveTimer?] = []
    private var handlerID: Int32 = -1
    private var observerID: Int32 = -1

    // Per group: queued reductions, the next to start, whether the stream is busy, each started one's start and end.
    private var queue: [[(readySeconds: Double, bytes: Double)]]
    private var head: [Int]
    private var busy: [Bool]
    private var starts: [[Double]]
    private var ends: [[Double]]
    private var returned: [Int]

    // Point-to-point flows (route, bytes, transfer, destination); per transfer the flows pending, arrivals and first starts.
    private var flows: [(route: Int32, bytes: Double, transfer: Int, destination: Int)] = []
    private var pending: [Int] = []
    private var arrivals: [[Int: Double]] = []
    private var transferStarts: [[Int: Double]] = []

    private static let flowStart: Int32 = 1
    private static let wakeReduction: Int32 = 2

    /// Builds one collective runner per candidate reduction group of each device group (`groups[g]`: the same ranks, one
    /// algorithm each).
    init(topology: Topology, groups: [[ReductionGroup]], chunks: Int) throws {
        self.topology = topology
        interconnect = Interconnect(topology: topology, simulator: simulator)
        queue = Array(repeating: [], count: groups.count)
        head = Array(repeating: 0, count: groups.count)
        busy = Array(repeating: false, count: groups.count)
        starts = Array(repeating: [], count: groups.count)
        ends = Array(repeating: [], count: groups.count)
        returned = Array(repeating: 0, count: groups.count)
        handlerID = simulator.register(self)
        observerID = interconnect.addObserver(self)
        var routes = RouteTable(topology: topology)
        for (index, candidates) in groups.enumerated() {
            runners.append(try candidates.map { group in
                let runner = try CollectiveRunner(schedule: try group.schedule(chunks: chunks), participants: group.ranks, interconnect: interconnect)
                runner.onFinish = { [unowned self] _ in self.reductionFinished(group: index) }
                return runner
            })
            choosers.append(candidates.count == 1 ? nil : CollectiveTimer.fastest(
                of: try candidates.map { try CollectiveTimer(routes: &routes, group: $0, chunks: chunks) }))
        }
    }

    var eventCount: Int { simulator.processedEventCount }
    var flowCount: Int { interconnect.startedFlowCount }

    func enqueueReduction(group: Int, readySeconds: Double, bytes: Double) throws {
        queue[group].append((readySeconds, bytes))
        pump(group: group)
    }

    func finishReductions(group: Int) -> [(startSeconds: Double, endSeconds: Double)] {
        advance { head[group] == queue[group].count && !busy[group] }
        let done = (returned[group]..<ends[group].count).map { (starts[group][$0], ends[group][$0]) }
        returned[group] = ends[group].count
        return done
    }

    func send(from sources: [Int], to destinations: [Int], bytesPerDestination: Double, sourceReady: [Int: Double]) throws -> Int {
        let transfer = pending.count
        pending.append(0)
        arrivals.append([:])
        transferStarts.append([:])
        for flow in Self.flows(from: sources, to: destinations, bytesPerDestination: bytesPerDestination) {
            let start = max(sourceReady[flow.source] ?? 0, simulator.nowSeconds)
            let route = try interconnect.route(from: topology.devices[flow.source], to: topology.devices[flow.destination])
            flows.append((route, flow.bytes, transfer, flow.destination))
            pending[transfer] += 1
            transferStarts[transfer][flow.destination] = min(transferStarts[transfer][flow.destination] ?? .infinity, start)
            simulator.schedule(atSeconds: start, handler: handlerID, kind: Self.flowStart, payload: flows.count - 1)
        }
        return transfer
    }

    func finish(transfer id: Int) -> (starts: [Int: Double], arrivals: [Int: Double]) {
        advance { pending[id] == 0 }
        return (transferStarts[id], arrivals[id])
    }

    /// Runs the event kernel until `done` holds.
    private func advance(until done: () -> Bool) {
        while !done() {
            guard let next = simulator.queue.nextTimeSeconds else { preconditionFailure("the training schedule's communication stalled") }
            simulator.run(untilSeconds: next)
        }
    }

    /// Starts the group's next queued reduction if its stream is idle: now if it is ready, else at its ready time.
    private func pump(group: Int) {
        guard !busy[group], head[group] < queue[group].count else { return }
        let next = queue[group][head[group]]
        busy[group] = true
        if next.readySeconds > simulator.nowSeconds {
            simulator.schedule(atSeconds: next.readySeconds, handler: handlerID, kind: Self.wakeReduction, payload: group)
            return
        }
        head[group] += 1
        starts[group].append(simulator.nowSeconds)
        let runner = runners[group][choosers[group]?.choice(bytes: next.bytes) ?? 0]
        runner.bytesScale = next.bytes
        runner.start()
    }

    private func reductionFinished(group: Int) {
        ends[group].append(simulator.nowSeconds)
        busy[group] = false
        pump(group: group)
    }

    /// Event: start a scheduled flow, or wake a reduction stream at its next bucket's ready time.
    func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        if event.kind == Self.flowStart {
            let flow = flows[event.payload]
            interconnect.startFlow(route: flow.route, bytes: flow.bytes, observer: observerID, token: event.payload)
        } else {
            busy[event.payload] = false
            pump(group: event.payload)
        }
    }

    /// A point-to-point flow arrived.
    func flowDelivered(token: Int, interconnect: Interconnect) {
        let flow = flows[token]
        pending[flow.transfer] -= 1
        arrivals[flow.transfer][flow.destination] = max(arrivals[flow.transfer][flow.destination] ?? 0, simulator.nowSeconds)
    }
}
