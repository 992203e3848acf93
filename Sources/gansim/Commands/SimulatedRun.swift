import CostModel
import Workload
import Simulator
import Foundation
import InputParsing

/// One simulated scenario with everything its report shows: the result, per-iteration records, trace and memory parts.
struct SimulatedRun {
    /// The summary.
    var result: TrainingResult
    /// One record per simulated iteration.
    var records: [IterationRecord]
    /// Trace spans of the first iterations.
    var trace: [TraceSpan]
    /// Memory parts of one device, in bytes.
    var memoryParts: [(name: String, bytes: Int)]

    /// Parses and simulates a scenario (file contents `text`), with optional overrides.
    static func simulate(yaml text: String, defaultName: String, iterations: Int? = nil, seed: UInt64? = nil,
                         profiles: DeviceProfiles = .catalog, directory: String? = nil) throws -> SimulatedRun {
        var parsed = try TrainingScenario(yaml: text, defaultName: defaultName, profiles: profiles, directory: directory)
        if let iterations {
            guard iterations >= 1 else { throw ConfigurationError(field: "--iterations", value: "\(iterations)", reason: "simulate at least one iteration") }
            guard iterations <= SimulationWorkLimit.maximumIterations else {
                throw ConfigurationError(field: "--iterations", value: "\(iterations)",
                                         reason: "must be at most \(SimulationWorkLimit.maximumIterations): the event simulation keeps a record per iteration")
            }
            parsed.plan.iterations = iterations
        }
        if let seed { parsed.plan.seed = seed }
        // A growing run's records and trace are its last phase's; its result sums every phase (`simulate()`).
        let plans = parsed.phasePlans
        let simulation = try TrainingSimulation(plan: plans.last!)
        // Progress on a terminal: a long simulation (many iterations or devices) says how far it is.
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0 && parsed.plan.iterations >= 100)
        var result = try simulation.run(name: parsed.name, totalIterations: parsed.totalIterations) { done, total in
            bar.update(done, total, "simulating \(parsed.name)")
        }
        if parsed.plan.iterations >= 100 { bar.update(parsed.plan.iterations, parsed.plan.iterations, "simulated \(parsed.name)") }
        bar.finish()
        if parsed.growth != nil { result = try parsed.simulate() }
        // The memory parts of the phase that needs the most.
        let memory = plans.map { MemoryModel(model: $0.model, recipe: $0.recipe, device: $0.device).breakdown() }
            .max { $0.totalBytes < $1.totalBytes }!
        return SimulatedRun(result: result, records: simulation.records, trace: simulation.trace, memoryParts: memory.parts)
    }
}
