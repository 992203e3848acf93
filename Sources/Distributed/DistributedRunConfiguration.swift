import CostModel
import Workload
import RealRunner

/// One data-parallel run of the communication validation plan.
public struct DistributedRunConfiguration: Sendable, Hashable, Codable {
    public var architecture: Architecture
    public var resolution: Int?
    public var width: Int?
    /// Global batch (split evenly across the ranks).
    public var batch: Int
    public var ranks: Int
    public var threadsPerRank: Int
    public var allreduce: AllReduceAlgorithm
    /// Gradient bucket size, in bytes.
    public var bucketBytes: Int
    /// Iterations run (the first is warm-up, excluded from the median).
    public var steps: Int

    /// Creates a configuration; 25 MB buckets (PyTorch DDP's default, the simulator's) unless given.
    public init(_ architecture: Architecture, resolution: Int? = nil, width: Int? = nil, batch: Int, ranks: Int = 2,
                threadsPerRank: Int = 1, allreduce: AllReduceAlgorithm = .ring, bucketBytes: Int = 25_000_000,
                steps: Int) {
        self.architecture = architecture
        self.resolution = resolution
        self.width = width
        self.batch = batch
        self.ranks = ranks
        self.threadsPerRank = threadsPerRank
        self.allreduce = allreduce
        self.bucketBytes = bucketBytes
        self.steps = steps
    }

    /// A short label such as `mlp-gan w1024 b256 np2 t1 ring 25MB`.
    public var label: String {
        let mb = Double(bucketBytes) / 1e6
        return ModelConfig(architecture: architecture, resolution: resolution, width: width).label + " b\(batch) np\(ranks) t\(threadsPerRank) \(allreduce.rawValue) "
            + (mb == mb.rounded() ? "\(Int(mb))MB" : "\(mb)MB")
    }

    /// The options of one rank's trainer (per-rank batch).
    public var rankOptions: TrainOptions {
        var o = TrainOptions(architecture: architecture)
        o.resolution = resolution
        o.width = width
        o.batch = batch / ranks
        o.threads = threadsPerRank
        o.steps = steps
        return o
    }

    /// The `gansim train` arguments of this run (after the program name).
    public func trainArguments(out: String) -> [String] {
        var args = ["train", architecture.rawValue, "--batch", "\(batch)", "--threads", "\(threadsPerRank)",
                    "--steps", "\(steps)", "--warmup", "1", "--seed", "1", "--distributed", "--allreduce",
                    allreduce.rawValue, "--bucket-mb", "\(Double(bucketBytes) / 1e6)", "--out", out, "--json"]
        if let r = resolution { args += ["--resolution", "\(r)"] }
        if let w = width { args += ["--width", "\(w)"] }
        return args
    }
}
