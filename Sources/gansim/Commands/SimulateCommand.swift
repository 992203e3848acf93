import ArgumentParser
import CostModel
import Workload
import Foundation
import Simulator

/// `gansim simulate`: simulate GAN training on a cluster from a scenario file (or the built-in BigGAN-128 on DGX-1).
struct SimulateCommand: ParsableCommand {
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

    func run() throws {
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
        let run = try SimulatedRun.simulate(yaml: text, defaultName: defaultName, iterations: iterations, seed: seed,
                                            profiles: profiles, directory: directory)
        try profiles.checkUsed(by: [run.result.device])
        let result = run.result
        if let out {
            try ReportWriter(runs: [run]).write(to: out)
        }
        if json {
            print(try JSONOutput.string(result))
        } else {
            print(SimulateReport(result: result).text)
        }
    }
}
