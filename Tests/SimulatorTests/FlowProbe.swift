@testable import Simulator

/// Test helper: starts planned flows at planned times and records when each is delivered.
final class FlowProbe: FlowObserver, EventHandler {
    struct Planned {
        var startSeconds: Double
        var from: Int
        var to: Int
        var bytes: Double
    }

    let simulator = EventSimulator()
    let interconnect: Interconnect
    var planned: [Planned] = []
    var deliveredSeconds: [Int: Double] = [:]
    private var observer: Int32 = -1
    private var handler: Int32 = -1

    init(topology: Topology) {
        interconnect = Interconnect(topology: topology, simulator: simulator)
        observer = interconnect.addObserver(self)
        handler = simulator.register(self)
    }

    /// Plans a flow between device ranks.
    func plan(at seconds: Double, from: Int, to: Int, bytes: Double) {
        planned.append(Planned(startSeconds: seconds, from: from, to: to, bytes: bytes))
    }

    /// Runs the plan and returns the delivery time of every flow, in plan order.
    func run() throws -> [Double] {
        for (index, flow) in planned.enumerated() { simulator.schedule(atSeconds: flow.startSeconds, handler: handler, payload: index) }
        simulator.run()
        return planned.indices.map { deliveredSeconds[$0] ?? .nan }
    }

    func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        let flow = planned[event.payload]
        let topology = interconnect.topology
        let route = try! interconnect.route(from: topology.devices[flow.from], to: topology.devices[flow.to])
        interconnect.startFlow(route: route, bytes: flow.bytes, observer: observer, token: event.payload)
    }

    func flowDelivered(token: Int, interconnect: Interconnect) {
        deliveredSeconds[token] = simulator.nowSeconds
    }
}
