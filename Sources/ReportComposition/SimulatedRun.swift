import CostModel
import Simulator

/// One simulated scenario with everything its report shows: the result, per-iteration records, trace and memory parts.
///
/// Every phase of a growing run is simulated once (`TrainingScenario.simulatePhases`): the result sums them, as
/// `TrainingScenario.simulate()` does, and the records and trace are the last phase's.
public struct SimulatedRun {
    /// The summary of the whole run.
    public var result: TrainingResult
    /// One record per simulated iteration (of the last phase of a growing run).
    public var records: [IterationRecord]
    /// Trace spans of the first iterations (of the last phase of a growing run).
    public var trace: [TraceSpan]
    /// Memory parts of one device in the phase that needs the most, in bytes.
    public var memoryParts: [(name: String, bytes: Int)]

    /// Simulates `scenario`; `progress` hears `(done, total)` iterations of each phase's simulation.
    public init(simulating scenario: TrainingScenario, progress: ((Int, Int) -> Void)? = nil) throws {
        let (result, simulations) = try scenario.simulatePhases(progress: progress)
        // Never empty: a scenario has one phase, or its growth's steps, of which it holds at least one.
        self.result = result
        records = simulations.last!.records
        trace = simulations.last!.trace
        memoryParts = scenario.phasePlans.map { MemoryModel(model: $0.model, recipe: $0.recipe, device: $0.device).breakdown() }
            .max { $0.totalBytes < $1.totalBytes }!.parts
    }
}
