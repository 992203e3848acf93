import ArgumentParser
import CostModel
import Workload
import Distributed
import Foundation
import RealRunner

/// `gansim train`: train a GAN for real on this CPU with the RealRunner.
struct TrainCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a GAN on this CPU (the reference trainer built from the cost model's graphs).",
        discussion: """
            Writes result.json, losses.csv, timings.jsonl (per-op and per-step times with the ops' \
            FLOPs and bytes), samples.png and real.png into --out.
            Example: gansim train mlp-gan --dataset ring --seed 1
            Data-parallel on MPI: mpirun -np 2 gansim train mlp-gan --steps 20 --distributed --json \
            (--batch is then the global batch; rank 0 writes timings-rank<r>.jsonl for every rank instead of timings.jsonl).
            """)

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Samples per micro-batch (architecture default if omitted: 256 for mlp-gan, 64 otherwise).")
    var batch: Int?

    @Option(help: "Training iterations (architecture default if omitted).")
    var steps: Int?

    @Option(help: "Threads for OpenBLAS and the trainer's loops together.")
    var threads: Int = 1

    @Option(help: "Data: ring, shapes, a folder of PNG files, or an MNIST-format IDX file.")
    var dataset: String?

    @Option(help: "Random seed for weights, latents and data.")
    var seed: UInt64 = 1

    @Option(name: .customLong("ndisc"), help: "D steps per iteration (official recipe if omitted).")
    var discriminatorSteps: Int?

    @Option(help: "Micro-batches accumulated per optimizer step.")
    var accumulation: Int?

    @Option(help: "Keep an EMA of G and sample from it: true or false (official recipe if omitted).")
    var ema: Bool?

    @Option(help: "Loss: bce (non-saturating) or hinge (architecture default if omitted).")
    var loss: String?

    @Option(help: "Optimizer: adam or sgd.")
    var optimizer: String?

    @Option(name: .customLong("lr"), help: "Learning rate of both networks.")
    var learningRate: Float?

    @Option(help: "Iterations left out of the step-time statistics.")
    var warmup: Int?

    @Option(help: "Output folder.")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    @Flag(help: "Data-parallel training across the ranks of an mpirun job (--batch is the global batch, split evenly).")
    var distributed = false

    @Option(help: "With --distributed: how gradients are summed: ring (over MPI point-to-point) or mpi (MPI_Iallreduce). Default: ring.")
    var allreduce: String?

    @Option(name: .customLong("bucket-mb"), help: "With --distributed: gradient bucket size in MB (default 25, PyTorch DDP's and the simulator's).")
    var bucketMB: Double?

    @Option(name: .customLong("comm-timeout"), help: "With --distributed: seconds to wait for the other ranks before ending the job with an error (default 120).")
    var commTimeout: Double?

    @Option(name: .customLong("inject-fault"), help: ArgumentHelp("Test hook: kind:rank:step (exit or hang).", visibility: .hidden))
    var injectFault: String?

    @Option(name: .customLong("dump-parameters"), help: ArgumentHelp("Test hook: folder for each rank's final parameters.", visibility: .hidden))
    var dumpParameters: String?

    /// The options and output folder, checked before any training; returns the options and the folder.
    func checkedOptions() throws -> (TrainOptions, String) {
        let config = try modelOptions.config()
        if let p = config.preset { throw ValidationError("--preset '\(p)' is not used by train") }
        var o = TrainOptions(architecture: config.architecture)
        o.resolution = config.resolution
        o.width = config.width
        o.latentDim = config.latentDim
        o.batch = batch
        o.steps = steps
        o.threads = threads
        o.dataset = dataset.map(DatasetChoice.init)
        o.seed = seed
        o.discriminatorSteps = discriminatorSteps
        o.accumulation = accumulation
        o.ema = ema
        if let loss {
            guard let l = GANLoss(rawValue: loss) else { throw ValidationError("invalid --loss '\(loss)': expected bce or hinge") }
            o.loss = l
        }
        if let optimizer {
            guard let k = OptimizerKind(rawValue: optimizer) else {
                throw ValidationError("invalid --optimizer '\(optimizer)': expected adam or sgd")
            }
            o.optimizer = k
        }
        o.learningRate = learningRate
        o.warmupSteps = warmup
        let folder = out ?? "out/train-\(config.architecture.rawValue)"
        _ = try OutputFolder(folder)
        if !distributed { try DistributedTrainRunner.checkSingleProcess(self) }
        return (o, folder)
    }

    func preflight() throws { _ = try checkedOptions() }

    func run() throws {
        let (o, folder) = try checkedOptions()
        if distributed {
            return try DistributedTrainRunner(self).run(o, folder: folder, json: json)
        }
        let trainer = try Trainer(o)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
        let result = trainer.run { step, total, d, g in bar.update(step, total, "D \(String(format: "%.3f", d)) G \(String(format: "%.3f", g))") }
        bar.finish()
        try RunArtifacts.write(result, trainer: trainer, to: folder)
        print(json ? RunArtifacts.resultJSON(result) : Self.render(result, folder: folder))
    }

    /// The human-readable summary.
    static func render(_ r: TrainResult, folder: String) -> String {
        var lines = [
            "\(r.model) on \(r.dataset): \(r.steps) iterations, batch \(r.batch), \(r.threads) thread(s), seed \(r.seed)",
            String(format: "step time %.4f s (median after %d warm-up), %.1f samples/s, %.2f GFLOP/s",
                   r.stepSeconds, r.warmupSteps, r.samplesPerSecond, r.achievedGFLOPs),
            String(format: "final losses: D %.4f, G %.4f; peak resident memory %.1f MiB",
                   r.losses.discriminator, r.losses.generator, Double(r.peakResidentBytes) / 1_048_576),
        ]
        if let m = r.modesCovered, let q = r.highQualityFraction {
            lines.append(String(format: "modes covered: %d of 8; high-quality samples: %.1f%%", m, q * 100))
        }
        lines.append("wrote \(folder)/{result.json,losses.csv,timings.jsonl,samples.png,real.png}")
        return lines.joined(separator: "\n")
    }
}
