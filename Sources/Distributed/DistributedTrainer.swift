import CostModel
import Workload
import Foundation
import SafeFiles
import RealRunner

/// Data-parallel training with the RealRunner across the ranks of an `mpirun` job.
///
/// Every rank builds the same networks from the same seed, draws the same global batch
/// and computes its `batch / ranks` rows of it (`BatchShard`); G's and D's gradients are
/// averaged bucket by bucket while backward runs (`DataParallelSynchronizer`), so every
/// optimizer step applies the global-batch gradient and the ranks hold identical
/// parameters after every step, equal (to float rounding) to single-process training
/// with the same global batch.
///
/// Batch norm is the exception: each rank normalises with its own shard's statistics
/// (as PyTorch DDP does without SyncBatchNorm), so a model with batch norm (dcgan,
/// resnet-gan) trains correctly and the ranks still agree, but the run is not the
/// single-process run of the global batch. mlp-gan has no batch norm.
public final class DistributedTrainer {
    /// The job.
    public let world: MPIWorld
    /// This rank's trainer (per-rank batch).
    public let trainer: Trainer
    /// Samples per micro-batch over all ranks.
    public let globalBatch: Int
    /// How buckets are summed.
    public let algorithm: AllReduceAlgorithm
    /// Bucket size, in bytes.
    public let bucketBytes: Int
    /// The gradient hooks installed in `trainer`.
    public let synchronizer: DataParallelSynchronizer
    private let fault: FaultInjection?
    private var reports: [RankReport] = []

    /// Builds this rank's trainer and checks that every rank was given the same
    /// configuration and built the same initial parameters.
    ///
    /// - Parameters:
    ///   - options: the run, with `batch` the global batch (a multiple of the ranks).
    ///   - bucketBytes: gradient bucket size (25 MB, PyTorch DDP's default, mirrors the simulator).
    /// - Throws: `MPIError.invalidOption` for a batch the ranks cannot share,
    ///   `RunnerError` from the trainer, `MPIError.configurationMismatch` when the ranks
    ///   disagree, `MPIError.timeout` when a rank never answers.
    public init(options: TrainOptions, world: MPIWorld, algorithm: AllReduceAlgorithm, bucketBytes: Int = 25_000_000,
                fault: FaultInjection? = nil) throws {
        guard bucketBytes > 0 else {
            throw MPIError.invalidOption(field: "bucket size", value: "\(bucketBytes) bytes", expected: "a positive size")
        }
        globalBatch = options.resolvedBatch
        guard globalBatch > 0, globalBatch % world.size == 0 else {
            throw MPIError.invalidOption(
                field: "batch", value: "\(globalBatch)",
                expected: "a multiple of the \(world.size) ranks (each rank computes batch / ranks samples of the global batch)")
        }
        var local = options
        local.batch = globalBatch / world.size
        trainer = try Trainer(local)
        trainer.shard = BatchShard(index: world.rank, count: world.size)
        synchronizer = DataParallelSynchronizer(world: world, algorithm: algorithm, bucketBytes: bucketBytes,
                                                generator: trainer.generator, discriminator: trainer.discriminator)
        trainer.synchronizer = synchronizer
        self.world = world
        self.algorithm = algorithm
        self.bucketBytes = bucketBytes
        self.fault = fault
        try ConfigurationHandshake.verify(Self.fingerprint(options, trainer: trainer, globalBatch: globalBatch,
                                                           algorithm: algorithm, bucketBytes: bucketBytes), world: world)
    }

    /// The fields every rank must agree on (threads and warm-up may differ: they change
    /// no value the ranks exchange).
    static func fingerprint(_ o: TrainOptions, trainer: Trainer, globalBatch: Int, algorithm: AllReduceAlgorithm,
                            bucketBytes: Int) -> [(name: String, value: String)] {
        let r = trainer.recipe
        return [
            ("model", trainer.model.name), ("architecture", o.architecture.rawValue),
            ("resolution", o.resolution.map(String.init) ?? "default"), ("width", o.width.map(String.init) ?? "default"),
            ("latent", o.latentDim.map(String.init) ?? "default"), ("batch", "\(globalBatch)"),
            ("steps", "\(trainer.totalSteps)"), ("seed", "\(o.seed)"), ("dataset", trainer.dataset.name),
            ("loss", trainer.loss.rawValue), ("optimizer", r.optimizer.rawValue),
            ("lr", o.learningRate.map { "\($0)" } ?? "default"), ("ndisc", "\(r.discriminatorSteps)"),
            ("accumulation", "\(r.accumulation)"), ("ema", "\(r.ema)"), ("emaDecay", "\(o.emaDecay)"),
            ("allreduce", algorithm.rawValue), ("bucketBytes", "\(bucketBytes)"),
            ("generatorParameters", "\(trainer.generator.parameters.count)"),
            ("discriminatorParameters", "\(trainer.discriminator.parameters.count)"),
            ("initialParameterChecksum", String(checksum(trainer), radix: 16)),
        ]
    }

    /// FNV-1a over the bytes of G's and D's parameter values.
    public static func checksum(_ trainer: Trainer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for t in [trainer.generator.parameters.values, trainer.discriminator.parameters.values] {
            UnsafeRawBufferPointer(start: t.data, count: t.count * MemoryLayout<Float>.size).forEach {
                h = (h ^ UInt64($0)) &* 0x100_0000_01b3
            }
        }
        return h
    }

    /// Trains for the configured iterations on every rank, calling `progress(step,
    /// total, lossD, lossG)` (losses averaged over ranks) after each, then gathers every
    /// rank's timing; every rank returns the same result.
    ///
    /// - Throws: `MPIError.timeout` when a rank stops answering at the final exchange
    ///   (a failure during training ends the job through `MPIWorld.abort`).
    public func run(progress: ((Int, Int, Double, Double) -> Void)? = nil) throws(MPIError) -> DistributedTrainResult {
        let world = self.world, fault = self.fault
        var result = trainer.run { step, total, d, g in
            progress?(step, total, d, g)
            fault?.apply(rank: world.rank, afterStep: step)
        }
        let mine = RankReport(rank: world.rank, stepSeconds: trainer.stepSeconds, timings: synchronizer.iterations,
                              timingText: timingText(), peakResidentBytes: ResourceUsage.peakResidentBytes())
        let encoded = (try? JSONEncoder().encode(mine)) ?? Data()
        reports = try world.allGather(Array(encoded)).map { bytes in
            guard let r = try? JSONDecoder().decode(RankReport.self, from: Data(bytes)) else {
                world.abort("a rank sent an unreadable timing report")
            }
            return r
        }
        let warm = trainer.warmupSteps
        let steps = reports[0].stepSeconds.count
        let slowest = (0..<steps).map { i in reports.map { $0.stepSeconds[i] }.max() ?? 0 }
        let median = Self.median(Array(slowest.dropFirst(warm)))
        let perRank = reports.map { r -> DistributedTrainResult.Rank in
            let timed = Array(zip(r.stepSeconds, r.timings).dropFirst(warm))
            return .init(rank: r.rank, stepSeconds: Self.median(timed.map(\.0)),
                         computeSeconds: Self.median(timed.map { $0.0 - $0.1.communicationSeconds - $0.1.waitSeconds }),
                         communicationSeconds: Self.median(timed.map(\.1.communicationSeconds)),
                         waitSeconds: Self.median(timed.map(\.1.waitSeconds)), peakResidentBytes: r.peakResidentBytes)
        }
        let exposed = reports.map { Array($0.timings.dropFirst(warm).map(\.exposedReductionSeconds)) }
        let r = trainer.recipe
        result.batch = globalBatch
        result.stepSeconds = median
        result.samplesPerSecond = median > 0 ? Double(globalBatch * r.accumulation * r.discriminatorSteps) / median : 0
        result.flopsPerStep = trainer.flopsPerStep * world.size
        result.achievedGFLOPs = median > 0 ? Double(result.flopsPerStep) / median / 1e9 : 0
        result.peakResidentBytes = reports.map(\.peakResidentBytes).max() ?? 0
        let first = synchronizer.iterations.first ?? RankIterationTiming()
        return DistributedTrainResult(
            train: result, ranks: world.size, allreduce: algorithm.rawValue, bucketBytes: bucketBytes,
            batchPerRank: r.batchPerDevice, bucketsPerIteration: first.buckets, bytesReducedPerIteration: first.bytes,
            perRank: perRank, exposedReductionSeconds: Self.exposedReduction(exposed))
    }

    /// The median over iterations of the sum over each iteration's synchronisations of the least of the ranks' exposed
    /// reductions; `exposed[r][i][k]` is rank `r`'s at synchronisation `k` of timed iteration `i`
    /// (`RankIterationTiming.exposedReductionSeconds`). Nil without an iteration every rank timed.
    static func exposedReduction(_ exposed: [[[Double]]]) -> Double? {
        let iterations = exposed.map(\.count).min() ?? 0
        guard !exposed.isEmpty, iterations > 0 else { return nil }
        return median((0..<iterations).map { i in
            let syncs = exposed.map(\.[i].count).min() ?? 0
            return (0..<syncs).reduce(0) { sum, k in sum + exposed.map { $0[i][k] }.min()! }
        })
    }

    /// This rank's timing file: the single-process `step` and `op` lines, then one
    /// `rank-step` line per iteration.
    private func timingText() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var text = RunArtifacts.timingLines(trainer)
        for (i, t) in synchronizer.iterations.enumerated() {
            let record = RankStepRecord(rank: world.rank, ranks: world.size, step: i + 1, seconds: trainer.stepSeconds[i],
                                        timing: t, allreduce: algorithm, timed: i >= trainer.warmupSteps)
            text += String(decoding: (try? enc.encode(record)) ?? Data(), as: UTF8.self) + "\n"
        }
        return text
    }

    /// Writes the run's files into `directory` (call on rank 0 only, after `run`):
    /// `result.json` (the distributed result), `losses.csv` (losses averaged over
    /// ranks), one `timings-rank<r>.jsonl` per rank, `samples.png` and `real.png`; each
    /// file is written to a temporary name and renamed.
    ///
    /// - Throws: `RunnerError.cannotWrite` naming the path that failed.
    public func writeArtifacts(_ result: DistributedTrainResult, to directory: String) throws(RunnerError) {
        let files = reports.map { (name: "timings-rank\($0.rank).jsonl", text: $0.timingText) }
        try RunArtifacts.write(result.train, trainer: trainer, to: directory, resultJSON: Self.json(result),
                               timingFiles: files)
    }

    /// The result as pretty, key-sorted JSON.
    public static func json(_ result: DistributedTrainResult) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? enc.encode(result)) ?? Data(), as: UTF8.self)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }

    /// Writes this rank's final parameters, G's values then D's, as raw little-endian
    /// float32, to `directory/parameters-rank<r>.f32` (tests compare ranks with it).
    ///
    /// - Throws: `RunnerError.cannotWrite` naming the path that failed.
    public func dumpParameters(to directory: String) throws(RunnerError) {
        try Self.dumpParameters(trainer, to: (directory as NSString).appendingPathComponent("parameters-rank\(world.rank).f32"))
    }

    /// Writes `trainer`'s parameters, G's values then D's, as raw float32 to `path`.
    ///
    /// - Throws: `RunnerError.cannotWrite` naming the path that failed.
    public static func dumpParameters(_ trainer: Trainer, to path: String) throws(RunnerError) {
        var data = Data()
        for t in [trainer.generator.parameters.values, trainer.discriminator.parameters.values] {
            data.append(UnsafeBufferPointer(start: t.data, count: t.count))
        }
        do {
            try FileManager.default.createDirectory(atPath: PathParent.of(path),
                                                    withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: FileProblem(path: path, action: "create the folder of", error: error).reason)
        }
        do { try AtomicFile.write(data, to: path) } catch {
            throw .cannotWrite(path: path, reason: "\(error.reason); \(error.advice)")
        }
    }
}
