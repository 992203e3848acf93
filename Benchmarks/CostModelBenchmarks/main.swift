// Analytic cost-model throughput: how many `inspect`-equivalent evaluations per second.
//
// Run with `make bench` (release build). Prints one line per case; never a test.
import CostModel
import Workload
import Foundation

/// Wall-clock seconds of `body` repeated until at least `minSeconds` have passed; returns per-call seconds.
func measure(minSeconds: Double = 1.0, _ body: () throws -> Void) rethrows -> (perCall: Double, calls: Int) {
    var calls = 0
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed = 0.0
    repeat {
        try body()
        calls += 1
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    } while elapsed < minSeconds
    return (elapsed / Double(calls), calls)
}

let cases: [(String, ModelConfig, Int, String)] = [
    ("dcgan-64", ModelConfig(architecture: .dcgan, resolution: 64), 64, "v100-32gb"),
    ("biggan-128", ModelConfig(architecture: .biggan, resolution: 128), 32, "a100-80gb"),
    ("stylegan2-1024 config-f", ModelConfig(architecture: .stylegan2, resolution: 1024, preset: "config-f"), 4, "h100"),
]

print("gansim analytic cost model, \(ProcessInfo.processInfo.activeProcessorCount) cores, one thread")
print("case                      full inspect/s   estimate-only/s   memory-only/s")
for (name, config, batch, deviceName) in cases {
    let device = try DeviceCatalog.profile(named: deviceName)
    let recipe = TrainingRecipe.official(for: config.architecture, batchPerDevice: batch)
    let full = try measure { _ = try Inspection(config: config, recipe: recipe, device: device) }
    let model = try config.build()
    let estimator = try IterationEstimator(model: model, recipe: recipe, device: device)
    let estimate = measure { _ = estimator.estimate() }
    let memory = measure { _ = MemoryModel(model: model, recipe: recipe, device: device).breakdown() }
    let padded = name.padding(toLength: 24, withPad: " ", startingAt: 0)
    print(padded + String(format: " %15.0f %17.0f %15.0f", 1 / full.perCall, 1 / estimate.perCall, 1 / memory.perCall))
}
