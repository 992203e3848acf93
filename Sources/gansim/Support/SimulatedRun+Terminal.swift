import CostModel
import Foundation
import InputParsing
import ReportComposition
import Simulator

extension SimulatedRun {
    /// Parses a scenario (file contents `text`), applies the command's overrides (`--iterations`, `--seed`) and
    /// simulates it; a long simulation (100 iterations or more) draws its progress on a terminal.
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
        let long = parsed.plan.iterations >= 100
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0 && long)
        let run = try SimulatedRun(simulating: parsed) { done, total in bar.update(done, total, "simulating \(parsed.name)") }
        if long { bar.update(parsed.plan.iterations, parsed.plan.iterations, "simulated \(parsed.name)") }
        bar.finish()
        return run
    }
}
