import ArgumentParser
import CostModel
import Workload
import Foundation
import ReportComposition
import Simulator
import InputParsing
import Reports

/// `gansim simulate`: simulate GAN training on a cluster from a scenario file (or the built-in BigGAN-128 on DGX-1).
struct SimulateCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate GAN training on a cluster: iteration time, breakdown, scaling, memory.",
        discussion: "Without a file, simulates BigGAN-128 on one DGX-1 (8x V100). Fields: scenarios/README.md.")

    @Argument(help: "Scenario YAML file (default: the embedded BigGAN-128 on DGX-1 scenario).")
    var scenario: String?

    @Option(help: "Iterations to simulate (overrides simulate.iterations).")
    var iterations: Int?

    @Option(help: "Seed of the GSL random generator (overrides seed).")
    var seed: UInt64?

    @Option(help: "Directory for report.html, summary.md, result.json, iterations.csv and trace.json.")
    var out: String?

    @OptionGroup var profileOptions: ProfileOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    /// The output folder is checked before any simulation.
    func preflight() throws {
        if let out { _ = try OutputFolder(out) }
    }

    func run() throws {
        try preflight()
        let profiles = try profileOptions.resolve()
        let text: String
        let defaultName: String
        var directory: String?
        if let scenario {
            let file = try ScenarioFile(path: scenario)
            text = file.text
            defaultName = file.defaultName
            directory = file.directory
        } else {
            text = DefaultScenario.yaml
            defaultName = "default"
        }
        let run = try naming(scenario) {
            try SimulatedRun.simulate(yaml: text, defaultName: defaultName, iterations: iterations, seed: seed,
                                      profiles: profiles, directory: directory)
        }
        try profiles.checkUsed(by: [run.result.device])
        if let out { try OutputFolder(out).write(try SimulationReport(runs: [run]).files()) }
        print(json ? try JSONOutput.string(run.result) : SimulationSummary(result: run.result).text)
    }

    /// Runs `body`, naming the scenario file (if any) in errors about the file as a whole.
    private func naming<T>(_ path: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as ConfigurationError where error.field == "scenario" && path != nil {
            error.value = path!
            throw error
        }
    }
}
