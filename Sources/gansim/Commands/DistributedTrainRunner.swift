import ArgumentParser
import CostModel
import Distributed
import Foundation
import RealRunner

/// `gansim train --distributed`: this rank's part of a data-parallel run.
struct DistributedTrainRunner {
    var algorithm: AllReduceAlgorithm
    var bucketBytes: Int
    var timeoutSeconds: Double
    var fault: FaultInjection?
    var dumpFolder: String?

    /// Reads and checks the distributed flags of `command`.
    init(_ command: TrainCommand) throws {
        let name = command.allreduce ?? AllReduceAlgorithm.ring.rawValue
        guard let a = AllReduceAlgorithm(rawValue: name) else {
            throw ValidationError("invalid --allreduce '\(name)': expected ring or mpi")
        }
        algorithm = a
        let mb = command.bucketMB ?? 25
        guard let bytes = BucketSize.bytes(megabytes: mb) else {
            throw ValidationError("invalid --bucket-mb '\(mb)': expected \(BucketSize.rule)")
        }
        bucketBytes = bytes
        timeoutSeconds = command.commTimeout ?? 120
        guard timeoutSeconds > 0, timeoutSeconds.isFinite else {
            throw ValidationError("invalid --comm-timeout '\(timeoutSeconds)': expected a positive number of seconds")
        }
        fault = try command.injectFault.map { text throws -> FaultInjection in
            do { return try FaultInjection(parsing: text) } catch { throw ValidationError("\(error)") }
        }
        dumpFolder = command.dumpParameters
    }

    /// Refuses the distributed-only flags without `--distributed`, and warns when
    /// `mpirun` started several single-process runs.
    static func checkSingleProcess(_ c: TrainCommand) throws {
        for (flag, given) in [("--allreduce", c.allreduce != nil), ("--bucket-mb", c.bucketMB != nil),
                              ("--comm-timeout", c.commTimeout != nil), ("--inject-fault", c.injectFault != nil),
                              ("--dump-parameters", c.dumpParameters != nil)] where given {
            throw ValidationError("\(flag) applies to data-parallel runs: add --distributed and start with mpirun")
        }
        if let n = MPIWorld.launchedSize, n > 1 {
            FileHandle.standardError.write(Data(
                "gansim: warning: started by mpirun with \(n) ranks but without --distributed: every rank trains alone\n".utf8))
        }
    }

    /// Trains this rank's shard; rank 0 writes `folder` and prints the result.
    ///
    /// A configuration mismatch is seen by every rank at once: rank 0 reports it and fails
    /// the job, the others end normally. Any other failure is this rank's: it ends the whole job with
    /// a message naming the rank (`MPIWorld.abort`).
    func run(_ options: TrainOptions, folder: String, json: Bool) throws {
        guard var world = MPIWorld.initializeIfLaunchedByMPI() else {
            throw MPIError.notLaunchedByMPI(command: "train --distributed")
        }
        world.timeoutSeconds = timeoutSeconds
        do {
            let cores = try world.hostCores(ownCores: LocalCPU.detect().cores)
            world.sleepsWhileWaiting = world.threadsOutnumberCores(threadsEach: options.threads, cores: cores)
            let trainer = try DistributedTrainer(options: options, world: world, algorithm: algorithm,
                                                 bucketBytes: bucketBytes, fault: fault)
            let bar = ProgressBar(enabled: world.rank == 0 && isatty(STDERR_FILENO) != 0)
            let result = try trainer.run { step, total, d, g in
                bar.update(step, total, "D \(String(format: "%.3f", d)) G \(String(format: "%.3f", g))")
            }
            bar.finish()
            if let dumpFolder { try trainer.dumpParameters(to: dumpFolder) }
            if world.rank == 0 {
                try trainer.writeArtifacts(result, to: folder)
                print(json ? DistributedTrainer.json(result) : Self.render(result, folder: folder))
            }
            world.finalize()
        } catch let error as MPIError {
            if case .configurationMismatch = error {
                // Every rank found the same mismatch. Rank 0 reports it and fails the job; the others end normally,
                // because mpirun stops the rest of a job as soon as one rank fails, which could stop rank 0 before
                // it has printed the error.
                world.finalize()
                if world.rank == 0 { throw error }
                return
            }
            world.abort(error.description)
        } catch {
            world.abort("\(error)")
        }
    }

    /// The human-readable summary: the single-process one plus the per-rank split.
    static func render(_ r: DistributedTrainResult, folder: String) -> String {
        var lines = TrainCommand.render(r.train, folder: folder).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("wrote ") }
        lines.append(String(format: "%d ranks x batch %d, %@ all-reduce, %d bucket(s) and %.2f MB per rank per iteration",
                            r.ranks, r.batchPerRank, r.allreduce, r.bucketsPerIteration,
                            Double(r.bytesReducedPerIteration) / 1e6))
        for p in r.perRank {
            lines.append(String(format: "rank %d: step %.4f s = compute %.4f + communication %.4f + waiting %.4f (medians)",
                                p.rank, p.stepSeconds, p.computeSeconds, p.communicationSeconds, p.waitSeconds))
        }
        let timings = (0..<r.ranks).map { "timings-rank\($0).jsonl" }.joined(separator: ",")
        lines.append("wrote \(folder)/{result.json,losses.csv,\(timings),samples.png,real.png}")
        return lines.joined(separator: "\n")
    }
}
