// Simulator performance figures (a benchmark, never a test): kernel events per second,
// collective wall time on up to 1024 devices, and one simulated BigGAN iteration on 8 to 1024 devices.
//
// Run: swift run -c release SimulatorBenchmarks [kernel|collective|simulate|all]
import CostModel
import Workload
import Foundation
import Simulator

/// Wall-clock seconds of `body`, best of `repeats` runs.
func wallSeconds(repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

/// A "hold" model: a fixed population of pending events, each handled event schedules its successor.
final class HoldModel: EventHandler {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var remaining: Int
    init(events: Int) { remaining = events }
    func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        guard remaining > 0 else { return }
        remaining -= 1
        // xorshift64*: a cheap deterministic pseudo-random delay in [0, 1) ms.
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        let delay = Double((state &* 2_685_821_657_736_338_717) >> 11) / Double(1 << 53) * 1e-3
        simulator.schedule(afterSeconds: delay, handler: event.handler, kind: event.kind, payload: event.payload)
    }
}

func kernelBenchmark() {
    print("== event kernel (hold model) ==")
    for population in [1_000, 100_000] {
        let events = 5_000_000
        var dispatched = 0
        let seconds = wallSeconds {
            let simulator = EventSimulator()
            let model = HoldModel(events: events)
            let id = simulator.register(model)
            for index in 0..<population { simulator.schedule(atSeconds: Double(index) * 1e-9, handler: id, payload: index) }
            dispatched = simulator.run()
        }
        print(String(format: "  %7d pending: %9d events in %.3f s = %.2f M events/s", population, dispatched, seconds, Double(dispatched) / seconds / 1e6))
    }
}

func collectiveBenchmark() throws {
    print("== one collective, 64 MiB per device (wall time includes schedule, routes, event run, analytic) ==")
    let link = LinkSpec(kind: .generic, bandwidthBytesPerSecond: 50e9, latencySeconds: 1e-6)
    let bytes = 64.0 * 1_048_576
    typealias Case = (String, CollectiveAlgorithm, () throws -> Topology, Int)
    let cases: [Case] = [
        ("ring on ring", .ring, { Topologies.ring(devices: 1024, link: link) }, 1024),
        ("ring on ring", .ring, { Topologies.ring(devices: 256, link: link) }, 256),
        ("tree on switch", .tree, { Topologies.switched(devices: 1024, link: link) }, 1024),
        ("torus on tpu-v3 32x32", .torus, { try Topologies.tpu(.v3, dimensions: [32, 32]) }, 1024),
        ("hierarchical, 128x dgx-a100 HDR 1:1", .hierarchical,
         { try Topologies.cluster(server: .dgxA100, servers: 128, fabric: .hdr, serversPerLeaf: 16, oversubscription: 1) }, 1024),
        ("ring, 128x dgx-a100 HDR 4:1", .ring,
         { try Topologies.cluster(server: .dgxA100, servers: 128, fabric: .hdr, serversPerLeaf: 16, oversubscription: 4) }, 1024),
    ]
    for (name, algorithm, makeTopology, devices) in cases {
        var result: CollectiveResult?
        let seconds = try wallSeconds(repeats: 2) {
            result = try CollectiveSimulation.run(operation: .allreduce, algorithm: algorithm, topology: makeTopology(), devices: devices, bytes: bytes)
        }
        let r = result!
        print(String(format: "  %-38@ %5d dev: wall %.3f s, simulated %.6f s (analytic %.6f s), %d events, %.2f M events/s",
                     name as NSString, devices, seconds, r.seconds, r.analyticSeconds, r.events, Double(r.events) / seconds / 1e6))
    }
}

func simulateBenchmark() throws {
    print("== one BigGAN-128 iteration, DGX A100 servers on an HDR fat-tree (16 servers per leaf, 1:1), congestion-aware ==")
    let model = try ModelConfig(architecture: .biggan, resolution: 128, width: 96).build()
    let recipe = TrainingRecipe(batchPerDevice: 32, discriminatorSteps: 2, ema: true)
    var previous: (devices: Int, seconds: Double)?
    for devices in [8, 64, 512, 1024] {
        let topology = try TopologySpec(kind: .dgxA100, devices: devices, fabric: .hdr, serversPerLeaf: 16).build()
        let algorithm: CollectiveAlgorithm = devices > 8 ? .hierarchicalTree : .ring
        var result: TrainingResult?
        let seconds = try wallSeconds(repeats: 2) {
            let plan = TrainingPlan(
                model: model, recipe: recipe, device: DeviceCatalog.a100_80gb, topology: topology, devices: devices,
                algorithm: algorithm, iterations: 1, traceIterations: 0)
            result = try TrainingSimulation(plan: plan).run(name: "bench", totalIterations: 1)
        }
        let r = result!
        var growth = ""
        if let previous {
            let ratio = Double(devices) / Double(previous.devices)
            growth = String(format: ", wall x%.2f for devices x%.0f (N log N: x%.2f)", seconds / previous.seconds, ratio,
                            ratio * log2(Double(devices)) / log2(Double(previous.devices)))
        }
        print(String(format: "  %5d devices (%@): wall %.3f s, simulated iteration %.4f s, %d buckets, %d flows, %d events%@",
                     devices, algorithm.rawValue as NSString, seconds, r.iterationSeconds, r.bucketsPerIteration, r.flows, r.events, growth as NSString))
        previous = (devices, seconds)
    }
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "kernel" || which == "all" { kernelBenchmark() }
if which == "collective" || which == "all" { try collectiveBenchmark() }
if which == "simulate" || which == "all" { try simulateBenchmark() }
