import CostModel
import Distributed
import RealRunner
import Workload

/// One run of gansim's CPU trainer, in one process or data-parallel across the ranks of an MPI job: what the
/// calibration and validation plans run and predict.
///
/// Its command line is `arguments(out:)` and `init(arguments:)` (`RunConfiguration+CommandLine`), and the options its
/// trainer runs with are `trainOptions`, so that what is predicted (`modelConfig`, `recipe`) is what runs.
public struct RunConfiguration: Sendable, Hashable {
    /// How a data-parallel run spreads over MPI ranks and reduces its gradients.
    public struct DataParallel: Sendable, Hashable {
        /// Processes of the job (started by `mpirun -np`).
        public var ranks: Int
        public var allreduce: AllReduceAlgorithm
        /// Gradient bucket size, in bytes.
        public var bucketBytes: Int

        /// Ranks reducing over the ring in 25 MB buckets (PyTorch DDP's default, the simulator's) unless given.
        public init(ranks: Int, allreduce: AllReduceAlgorithm = .ring, bucketBytes: Int = 25_000_000) {
            self.ranks = ranks
            self.allreduce = allreduce
            self.bucketBytes = bucketBytes
        }
    }

    public var architecture: Architecture
    public var resolution: Int?
    public var width: Int?
    /// Samples per micro-batch of the whole run: a data-parallel run splits it evenly across its ranks.
    public var batch: Int
    /// Threads of each process.
    public var threads: Int
    public var discriminatorSteps: Int?
    public var accumulation: Int?
    /// Latent width passed to the trainer (nil: the trainer's default, which `modelConfig` predicts). The
    /// single-process plans give it for their mlp-gans (the trainer's default, written out), so that the fit set's and
    /// validation's labels name the model that runs; `MeasuredRun.checkModel` catches a mismatch.
    public var latentDim: Int?
    /// Iterations run (the first is warm-up, excluded from the median).
    public var steps: Int
    /// The MPI job's ranks and reduction; nil for a single process.
    public var dataParallel: DataParallel?

    public init(_ architecture: Architecture, resolution: Int? = nil, width: Int? = nil, batch: Int, threads: Int = 1,
                discriminatorSteps: Int? = nil, accumulation: Int? = nil, latentDim: Int? = nil, steps: Int,
                dataParallel: DataParallel? = nil) {
        self.architecture = architecture
        self.resolution = resolution
        self.width = width
        self.batch = batch
        self.threads = threads
        self.discriminatorSteps = discriminatorSteps
        self.accumulation = accumulation
        self.latentDim = latentDim
        self.steps = steps
        self.dataParallel = dataParallel
    }

    /// Processes of the run: 1 for a single process.
    public var ranks: Int { dataParallel?.ranks ?? 1 }

    /// A short label such as `dcgan-32 w32 b16 t2 nd2`, or `mlp-gan w1024 b256 np2 t1 ring 25MB` for a data-parallel run.
    public var label: String {
        var s = modelConfig.label + " b\(batch)"
        if let p = dataParallel {
            let mb = Double(p.bucketBytes) / 1e6
            s += " np\(p.ranks) t\(threads) \(p.allreduce.rawValue) " + (mb == mb.rounded() ? "\(Int(mb))MB" : "\(mb)MB")
        } else {
            s += " t\(threads)"
        }
        if let n = discriminatorSteps { s += " nd\(n)" }
        if let a = accumulation, a > 1 { s += " acc\(a)" }
        return s
    }

    /// The options of each process's trainer: the run's batch share, and the warm-up and seed its command line gives.
    public var trainOptions: TrainOptions {
        var o = TrainOptions(architecture: architecture)
        o.resolution = resolution
        o.width = width
        o.latentDim = latentDim
        o.batch = batch / ranks
        o.steps = steps
        o.threads = threads
        o.discriminatorSteps = discriminatorSteps
        o.accumulation = accumulation
        o.warmupSteps = Self.warmupSteps
        o.seed = Self.seed
        return o
    }

    /// The model the trainer builds.
    public var modelConfig: ModelConfig { trainOptions.modelConfig }

    /// The recipe each process's trainer runs (its batch share).
    public var recipe: TrainingRecipe { trainOptions.recipe }

    /// One rank's share of the run (its batch, its threads) trained alone in one process.
    public var singleRank: RunConfiguration {
        RunConfiguration(architecture, resolution: resolution, width: width, batch: batch / ranks, threads: threads,
                         discriminatorSteps: discriminatorSteps, accumulation: accumulation, latentDim: latentDim, steps: steps)
    }

    /// Iterations of every run left out of its step statistics.
    static let warmupSteps = 1
    /// The seed of every run.
    static let seed: UInt64 = 1
}
