import CostModel
import Foundation
import ReportComposition
import Simulator

extension SimulatedRun {
    /// Parses a scenario (file contents `text`), applies the command's overrides (`--iterations`, `--seed`) and
    /// simulates it; a long simulation (100 iterations or more) draws its progress on a terminal.
    static func simulate(yaml text: String, defaultName: String, iterations: Int? = nil, seed: UInt64? = nil,
                         profiles: DeviceProfiles = .catalog, directory: String? = nil) throws -> SimulatedRun {
        var input = try ScenarioInput(yaml: text)
        if let iterations { input.simulateIterations(iterations, flag: "--iterations") }
        var parsed = try TrainingScenario(input: input, defaultName: defaultName, profiles: profiles, directory: directory)
        if let seed { parsed.plan.seed = seed }
        let long = parsed.plan.iterations >= 100
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0 && long)
        let run = try SimulatedRun(simulating: parsed) { done, total in bar.update(done, total, "simulating \(parsed.name)") }
        if long { bar.update(parsed.plan.iterations, parsed.plan.iterations, "simulated \(parsed.name)") }
        bar.finish()
        return run
    }
}
