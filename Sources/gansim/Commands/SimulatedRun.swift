import CostModel
import Workload
import Simulator

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
            parsed.plan.iterations = iterations
        }
        if let seed { parsed.plan.seed = seed }
        let simulation = try TrainingSimulation(plan: parsed.plan)
        let result = try simulation.run(name: parsed.name, totalIterations: parsed.totalIterations)
        let plan = parsed.plan
        let memory = MemoryModel(model: plan.model, recipe: plan.recipe, device: plan.device).breakdown()
        return SimulatedRun(result: result, records: simulation.records, trace: simulation.trace, memoryParts: memory.parts)
    }
}
