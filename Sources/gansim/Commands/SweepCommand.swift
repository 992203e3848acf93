import ArgumentParser
import Distributed
import CostModel
import Workload
import Foundation
import Planning
import ReportComposition
import Reports
import Simulator

/// `gansim sweep`: evaluate a grid of scenario variations, analytically everywhere and by event simulation on the Pareto front.
struct SweepCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Sweep scenario fields over a grid: scaling curves, time-vs-cost Pareto front, energy, memory.",
        discussion: """
            Every point is estimated analytically (congestion-free); the Pareto front and the fastest and cheapest points are \
            then confirmed by the event simulation. Writes sweep.csv, result.json and report.html into --out.
            Fields: \(SweepField.aliases.map(\.name).joined(separator: ", ")), or any dotted scenario path \
            (e.g. cluster.oversubscription). Runs: 1,2,4,...,1024 doubles; 10,20,...,100 steps.
            Under mpirun (mpirun -np N gansim sweep ...), the ranks share the grid and rank 0 writes the same result.
            Example: gansim sweep scenarios/a100x64-biggan256-hdr.yaml --vary devices=8,16,...,512 --vary device=a100-80gb,h100
            """)

    @Argument(help: "Base scenario YAML file.")
    var scenario: String

    @Option(name: .customLong("vary"), help: "field=v1,v2,... (repeat for more axes).")
    var vary: [String] = []

    @Option(help: "Iterations simulated per point in both stages (default: the scenario's simulate.iterations).")
    var iterations: Int?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "Points confirmed by the event simulation at most.")
    var confirm: Int = 40

    @Option(help: "Directory for sweep.csv, result.json and report.html.")
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
        let file = try ScenarioFile(path: scenario)
        if let threads, threads < 1 { throw ValidationError("--threads \(threads): need at least one thread") }
        if confirm < 0 { throw ValidationError("--confirm \(confirm): must be zero or more") }
        let profiles = try profileOptions.resolve()
        let template = try file.naming(scenario) {
            var input = try ScenarioInput(yaml: file.text)
            if let iterations { input.simulateIterations(iterations, flag: "--iterations") }
            return try ScenarioTemplate(input: input, defaultName: file.defaultName, profiles: profiles, directory: file.directory)
        }
        let grid = try SweepGrid(template: template, axes: vary.map(SweepAxis.parse))
        var engine = SweepEngine(iterations: iterations)
        if let threads { engine.threads = threads }
        engine.confirmLimit = confirm
        // Under mpirun, every rank evaluates its share of the grid and the ranks exchange outcomes; rank 0 reports.
        var world = MPIWorld.initializeIfLaunchedByMPI()
        world?.timeoutSeconds = 3600  // ranks wait this long for slower shards; mpirun ends the job at once if a rank dies
        defer { world?.finalize() }
        let shard = world.flatMap { w in
            w.size > 1 ? SweepShard(rank: w.rank, size: w.size, allGather: { bytes in try w.allGather(bytes) }) : nil
        }
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0 && (world?.rank ?? 0) == 0)
        let result = try engine.run(template: template, axes: grid.axes.map(\.name), points: grid.points, shard: shard) {
            stage, done, total in bar.update(done, total, stage)
        }
        bar.finish()
        guard (world?.rank ?? 0) == 0 else { return }
        let report = SweepReport(result: result)
        if let out { try OutputFolder(out).write(try report.files()) }
        print(json ? try JSONOutput.string(result) : report.text)
    }
}
