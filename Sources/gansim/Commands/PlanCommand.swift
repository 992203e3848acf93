import ArgumentParser
import CostModel
import Workload
import Foundation
import Planning
import ReportComposition
import Simulator
import InputParsing
import Reports

/// `gansim plan`: recommend the cluster to rent for a training run, by deadline and budget.
struct PlanCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Recommend a cluster: the cheapest that meets a deadline and the fastest within a budget.",
        discussion: """
            Searches V100, A100, H100, H200, B200 and GB200 NVL72 servers (DGX, HGX and PCIe, InfiniBand and \
            Ethernet), H100 PCIe, L40S, L4, A10G and RTX 4090 PCIe servers, MI300X platforms and TPU v3 to v6e pods \
            (`gansim devices` lists them), 1 to --max-devices devices (powers of two within a server, whole servers \
            beyond), batch per device and gradient accumulation that keep --global-batch, fp32 or mixed \
            precision. Every configuration is estimated analytically; contenders are confirmed by the event simulation. \
            Deadlines and budgets hold the expected time and cost with failures, checkpoints and restarts \
            (scenarios/README.md, reliability). Says why the best configuration of every other cluster kind lost.
            Example: gansim plan biggan --resolution 256 --train iterations=150000 --deadline 48h --budget 20000usd
            """)

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Length of the run: iterations=N, kimg=N (thousands of real images; of frames for a video GAN) or epochs=N.")
    var train: String

    @Option(help: "Real samples per optimizer step over the whole cluster.")
    var globalBatch: Int = 256

    @Option(help: "Dataset images, for --train epochs=N (default: ImageNet-1k's 1,281,167).")
    var datasetSamples: Int?

    @Option(help: "Finish within this time, e.g. 48h, 2d, 90min.")
    var deadline: String?

    @Option(help: "Spend at most this, e.g. 20000usd, $20k.")
    var budget: String?

    @Option(help: "The largest device count searched.")
    var maxDevices: Int = 1024

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "Directory for plan.json, candidates.csv and report.html.")
    var out: String?

    @OptionGroup var profileOptions: ProfileOptions

    @OptionGroup var reliabilityOptions: ReliabilityOptions

    @Flag(help: "Print the plan as JSON.")
    var json = false

    /// The output folder is checked before any simulation.
    func preflight() throws {
        _ = try reliabilityOptions.spec()
        if let out { _ = try OutputFolder(out) }
    }

    func run() throws {
        try preflight()
        var request = PlanRequest(model: try modelOptions.config(), length: try TrainingLength.parse(train), globalBatch: globalBatch,
                                  datasetSamples: datasetSamples)
        request.deadlineSeconds = try deadline.map { try UnitParser.seconds($0, field: "--deadline") }
        request.budgetUSD = try budget.map { try UnitParser.usd($0, field: "--budget") }
        request.maximumDevices = maxDevices
        request.profiles = try profileOptions.resolve()
        request.reliability = try reliabilityOptions.spec()
        try request.profiles.checkUsed(by: request.families.map(\.device))
        if let threads, threads < 1 { throw ValidationError("--threads \(threads): need at least one thread") }
        if let samples = datasetSamples, samples < 1 { throw ValidationError("--dataset-samples \(samples): must be at least 1") }
        var engine = SweepEngine()
        if let threads { engine.threads = threads }
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
        let (plan, sweep) = try Planner(engine: engine).plan(request) { stage, done, total in bar.update(done, total, stage) }
        bar.finish()
        let report = PlanReport(plan: plan, search: sweep)
        if let out { try OutputFolder(out).write(try report.files()) }
        print(json ? try JSONOutput.string(plan) : report.text)
    }
}
