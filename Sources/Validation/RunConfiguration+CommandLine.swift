import Distributed
import InputParsing
import Workload

/// The one codec between a run and its `gansim train` command line: the launchers of calibration and validation runs
/// (one process, or every rank of an MPI job) write it with `arguments(out:)`; `init(arguments:)` reads it back with
/// the trainer's rules, which the tests use to hold the two directions to each other.
///
/// The flag names are `gansim train`'s; `FuzzTests` parses what `arguments(out:)` writes with the command itself, and
/// the bucket size follows the trainer's one rule (`BucketSize`).
extension RunConfiguration {
    /// The `gansim train` arguments of this run (after the program name), writing into `out` and printing JSON;
    /// a data-parallel run adds `--distributed` and its reduction, and is started by `mpirun -np ranks`.
    public func arguments(out: String) -> [String] {
        var args = ["train", architecture.rawValue, "--batch", "\(batch)", "--threads", "\(threads)", "--steps", "\(steps)",
                    "--warmup", "\(Self.warmupSteps)", "--seed", "\(Self.seed)"]
        if let p = dataParallel {
            args += ["--distributed", "--allreduce", p.allreduce.rawValue, "--bucket-mb", "\(Double(p.bucketBytes) / 1e6)"]
        }
        args += ["--out", out, "--json"]
        if let r = resolution { args += ["--resolution", "\(r)"] }
        if let w = width { args += ["--width", "\(w)"] }
        if let n = discriminatorSteps { args += ["--ndisc", "\(n)"] }
        if let a = accumulation { args += ["--accumulation", "\(a)"] }
        if let z = latentDim { args += ["--latent", "\(z)"] }
        return args
    }

    /// Reads the run back from what `arguments(out:)` writes (with `ranks`, which `mpirun` gives, for a data-parallel
    /// run), as `gansim train` reads it (a bucket of `--bucket-mb` times 10^6 bytes, `BucketSize`); the output folder and
    /// `--json` are not part of the run.
    ///
    /// - Throws: `ConfigurationError` naming a flag this codec does not write, a missing or bad value, or a warm-up
    ///   or seed other than every run's.
    public init(arguments: [String], ranks: Int = 1) throws(ConfigurationError) {
        guard arguments.count >= 2, arguments[0] == "train" else {
            throw ConfigurationError(field: "command", value: arguments.first ?? "", reason: "must be train")
        }
        guard let architecture = Architecture(rawValue: arguments[1]) else {
            throw ConfigurationError(field: "architecture", value: arguments[1], reason: "is not an architecture gansim knows")
        }
        var values: [String: String] = [:]
        var distributed = false
        var i = 2
        while i < arguments.count {
            let flag = arguments[i]
            switch flag {
            case "--distributed": distributed = true
            case "--json": break
            case "--batch", "--threads", "--steps", "--warmup", "--seed", "--allreduce", "--bucket-mb", "--out",
                 "--resolution", "--width", "--ndisc", "--accumulation", "--latent":
                guard i + 1 < arguments.count else { throw ConfigurationError(field: flag, value: "", reason: "needs a value") }
                values[flag] = arguments[i + 1]
                i += 1
            default:
                throw ConfigurationError(field: flag, value: "", reason: "is not a flag of a calibration or validation run")
            }
            i += 1
        }
        func integer(_ flag: String) throws(ConfigurationError) -> Int? {
            guard let text = values[flag] else { return nil }
            guard let v = Int(text) else { throw ConfigurationError(field: flag, value: text, reason: "must be a whole number") }
            return v
        }
        func required(_ flag: String) throws(ConfigurationError) -> Int {
            guard let v = try integer(flag) else { throw ConfigurationError(field: flag, value: "", reason: "is required") }
            return v
        }
        guard values["--warmup"] == "\(Self.warmupSteps)", values["--seed"] == "\(Self.seed)" else {
            throw ConfigurationError(field: "--warmup", value: "\(values["--warmup"] ?? "") --seed \(values["--seed"] ?? "")",
                                     reason: "must be \(Self.warmupSteps) and \(Self.seed), as in every calibration and validation run")
        }
        var parallel: DataParallel?
        if distributed {
            let name = values["--allreduce"] ?? AllReduceAlgorithm.ring.rawValue
            guard let algorithm = AllReduceAlgorithm(rawValue: name) else {
                throw ConfigurationError(field: "--allreduce", value: name, reason: "must be ring or mpi")
            }
            let mb = values["--bucket-mb"] ?? "25"
            guard let megabytes = Double(mb), let bytes = BucketSize.bytes(megabytes: megabytes) else {
                throw ConfigurationError(field: "--bucket-mb", value: mb, reason: "must be \(BucketSize.rule)")
            }
            parallel = DataParallel(ranks: ranks, allreduce: algorithm, bucketBytes: bytes)
        } else if values["--allreduce"] != nil || values["--bucket-mb"] != nil {
            throw ConfigurationError(field: values["--allreduce"] != nil ? "--allreduce" : "--bucket-mb", value: "",
                                     reason: "applies to data-parallel runs (--distributed)")
        }
        self.init(architecture, resolution: try integer("--resolution"), width: try integer("--width"),
                  batch: try required("--batch"), threads: try integer("--threads") ?? 1,
                  discriminatorSteps: try integer("--ndisc"), accumulation: try integer("--accumulation"),
                  latentDim: try integer("--latent"), steps: try required("--steps"), dataParallel: parallel)
    }
}
