import Foundation
import Planning
import Simulator

// Sweep throughput: a 10,000+ point grid over BigGAN-128 clusters, analytic stage then
// event-simulated confirmation of the Pareto front, on all cores. Prints figures; never a test.
//
//   swift run -c release PlanningBenchmarks [threads]

let threads = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2 : ProcessInfo.processInfo.activeProcessorCount
let base = """
    name: biggan128-grid
    model: {architecture: biggan, resolution: 128}
    recipe: {batchPerDevice: 32, discriminatorSteps: 2, ema: true}
    cluster: {topology: dgx-a100, devices: 64, fabric: hdr}
    training: {iterations: 150000}
    simulate: {iterations: 3}
    """
// Two grids of 10,000+ points: one varying the network hard (216 distinct fabric x
// oversubscription x algorithm x device-count setups, each scheduled once), one varying
// the model and recipe on 16 network setups.
let grids: [(name: String, axes: [String])] = [
    ("network-heavy", ["devices=8,16,...,1024", "device=a100-80gb,h100", "batch=8,16,...,256", "precision=fp32,bf16",
                       "fabric=hdr,ndr,ethernet100g", "oversubscription=1,2,4", "algorithm=hierarchical,hierarchical-tree,ring",
                       "ndisc=1,2"]),
    ("recipe-heavy", ["devices=8,16,...,1024", "device=a100-80gb,h100", "batch=8,16,...,256", "precision=fp32,bf16",
                      "ndisc=1,2", "accumulation=1,2,3,4", "width=64,96", "oversubscription=1,2", "recipe.ema=true,false"]),
]

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

for (name, axes) in grids {
    do {
        let template = try ScenarioTemplate(yaml: base, defaultName: "grid")
        var grid: SweepGrid!
        let checkSeconds = try seconds { grid = try SweepGrid(template: template, axes: axes.map(SweepAxis.parse)) }
        let points = grid.points
        let engine = SweepEngine(threads: threads)
        var outcomes: [SweepOutcome] = []
        let analyticSeconds = seconds { outcomes = engine.analytic(template: template, points: points) }
        let pareto = SweepEngine.paretoFront(outcomes)
        var result: SweepResult!
        let totalSeconds = try seconds { result = try engine.run(template: template, axes: grid.axes.map(\.name), points: points) }
        let s = result.summary
        print("\(name) grid: \(points.count) points over \(axes.count) axes, checked in \(String(format: "%.3f", checkSeconds)) s; \(threads) threads")
        print(String(format: "  analytic stage: %.2f s, %.0f evaluations/s (%d fit, %d out of memory, %d invalid)",
                     analyticSeconds, Double(points.count) / analyticSeconds, s.ok, s.outOfMemory, s.invalid))
        print(String(format: "  whole sweep (analytic + event simulation of %d points: front %d + fastest/cheapest): %.2f s",
                     s.confirmed, pareto.count, totalSeconds))
        print(String(format: "  event vs analytic on confirmed points: mean |gap| %.2f%%, max %.2f%%",
                     s.meanAbsoluteDisagreement * 100, s.maxAbsoluteDisagreement * 100))
    } catch {
        print("error: \(error)")
        exit(1)
    }
}
