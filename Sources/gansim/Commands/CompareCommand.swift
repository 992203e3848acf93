import ArgumentParser
import CostModel
import Workload
import Foundation
import ReportComposition
import Simulator
import InputParsing
import Reports

/// `gansim compare`: several scenarios (the same model and recipe on different clusters) side by side.
struct CompareCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Simulate several scenarios and compare them side by side: time, breakdown, scaling, memory, energy, cost.",
        discussion: "The first scenario is the baseline the differences are stated against. Fields: scenarios/README.md.")

    @Argument(help: "Two or more scenario YAML files.")
    var scenarios: [String]

    @Option(help: "Iterations to simulate per scenario (overrides simulate.iterations).")
    var iterations: Int?

    @Option(help: "Directory for report.html, summary.md, result.json, iterations.csv and trace.json.")
    var out: String?

    @OptionGroup var profileOptions: ProfileOptions

    @Flag(help: "Print the results and differences as JSON.")
    var json = false

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenario files") }
    }

    /// The output folder is checked before any simulation.
    func preflight() throws {
        if let out { _ = try OutputFolder(out) }
    }

    func run() throws {
        try preflight()
        let profiles = try profileOptions.resolve()
        var runs: [SimulatedRun] = []
        for path in scenarios {
            let file = try ScenarioFile(path: path)
            do {
                runs.append(try file.naming(path) {
                    try SimulatedRun.simulate(yaml: file.text, defaultName: file.defaultName, iterations: iterations,
                                              profiles: profiles, directory: file.directory)
                })
            } catch let error as ConfigurationError {
                throw ConfigurationError(field: "\(path): \(error.field)", value: error.value, reason: error.reason, line: error.line, column: error.column)
            }
        }
        try profiles.checkUsed(by: runs.map(\.result.device))
        let report = SimulationReport(runs: runs)
        if let out { try OutputFolder(out).write(try report.files()) }
        print(json ? try JSONOutput.string(report.comparison) : report.markdown)
    }
}
