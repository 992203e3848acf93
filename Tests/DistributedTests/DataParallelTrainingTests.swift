import CostModel
import TestSupport
import Workload
import Distributed
import Foundation
import RealRunner
import Testing

extension MPIJobs {
    /// `mpirun -np 2 gansim train --distributed`: the ranks agree, and they reproduce
    /// single-process training with the same global batch (mlp-gan: no batch norm).
    @Suite struct DataParallelTrainingTests {
        /// Global batch, iterations and seed of the runs compared.
        static let batch = 64, steps = 20

        /// Runs a distributed mlp-gan and returns each rank's final parameters and the result.
        func distributed(_ allreduce: String, bucketMB: String = "25") throws -> (ranks: [[Float]], result: DistributedTrainResult) {
            let folder = try MPIJobSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("run"), dump = folder.appendingPathComponent("parameters")
            let outcome = try MPIJobSupport.run(ranks: 2, [
                "train", "mlp-gan", "--batch", "\(Self.batch)", "--steps", "\(Self.steps)", "--seed", "3", "--distributed",
                "--allreduce", allreduce, "--bucket-mb", bucketMB, "--out", out.path, "--dump-parameters", dump.path, "--json",
            ])
            guard outcome.status == 0 else { throw MPIJobSupport.Failure(description: "mpirun failed: \(outcome.standardError)") }
            let ranks = try (0..<2).map { try MPIJobSupport.floats(dump.appendingPathComponent("parameters-rank\($0).f32")) }
            let result = try JSONDecoder().decode(DistributedTrainResult.self,
                                                  from: Data(contentsOf: out.appendingPathComponent("result.json")))
            for r in 0..<2 {
                let timings = try String(contentsOf: out.appendingPathComponent("timings-rank\(r).jsonl"), encoding: .utf8)
                // Each iteration's record has a tail for D's synchronisation and one for G's.
                let last = try #require(timings.split(separator: "\n").last { $0.contains("\"rank-step\"") })
                let record = try JSONDecoder().decode(RankStepRecord.self, from: Data(last.utf8))
                #expect(record.exposedReductionSeconds.count == 2 && record.exposedReductionSeconds.allSatisfy { $0 > 0 })
            }
            #expect((result.exposedReductionSeconds ?? 0) > 0)
            return (ranks, result)
        }

        /// The same training in this process with the whole global batch.
        func singleProcess() throws -> (parameters: [Float], trainer: Trainer) {
            var o = TrainOptions(architecture: .mlpGAN)
            o.batch = Self.batch
            o.steps = Self.steps
            o.seed = 3
            let t = try Trainer(o)
            _ = t.run()
            return (t.generator.parameters.values.array + t.discriminator.parameters.values.array, t)
        }

        @Test func ranksAgreeAndMatchSingleProcessTraining() throws {
            let (ranks, result) = try distributed("ring")
            #expect(MPIJobSupport.difference(ranks[0], ranks[1]) == nil, "ranks 0 and 1")
            let (single, trainer) = try singleProcess()
            try #require(ranks[0].count == single.count)
            let worst = zip(ranks[0], single).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            // Float rounding only (3e-7 measured): per-rank means of 32 samples averaged vs one mean of 64.
            #expect(worst < 1e-5, "largest parameter difference from single-process training: \(worst)")
            #expect(isClose(result.train.losses.discriminator, trainer.lossHistory.last!.discriminator, absolute: 1e-4))
            #expect(result.train.batch == Self.batch && result.batchPerRank == Self.batch / 2 && result.ranks == 2)
            #expect(result.perRank.count == 2 && result.bucketsPerIteration == 2)
        }

        @Test func batchNormModelsStillAgreeAcrossRanks() throws {
            // Per-rank batch statistics change what is learnt, not the agreement: gradients are averaged.
            let folder = try MPIJobSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let dump = folder.appendingPathComponent("parameters")
            let outcome = try MPIJobSupport.run(ranks: 2, [
                "train", "dcgan", "--resolution", "32", "--width", "8", "--batch", "8", "--steps", "3", "--distributed",
                "--out", folder.appendingPathComponent("run").path, "--dump-parameters", dump.path,
            ])
            guard outcome.status == 0 else { throw MPIJobSupport.Failure(description: "mpirun failed: \(outcome.standardError)") }
            let ranks = try (0..<2).map { try MPIJobSupport.floats(dump.appendingPathComponent("parameters-rank\($0).f32")) }
            #expect(!ranks[0].isEmpty)
            #expect(MPIJobSupport.difference(ranks[0], ranks[1]) == nil, "DCGAN on ranks 0 and 1")
        }

        @Test func ringAndMPIAllReduceTrainTheSameParameters() throws {
            let ring = try distributed("ring", bucketMB: "0.01")
            let mpi = try distributed("mpi", bucketMB: "0.01")
            #expect(MPIJobSupport.difference(mpi.ranks[0], mpi.ranks[1]) == nil, "ranks 0 and 1 under MPI_Iallreduce")
            // Two ranks: every element is one float addition a + b on either path.
            let worst = zip(ring.ranks[0], mpi.ranks[0]).map { abs($0 - $1) }.max() ?? 0
            #expect(worst == 0, "ring and MPI_Iallreduce differ by up to \(worst)")
            // 10 kB buckets: mlp-gan's 17 k-parameter networks reduce in several buckets during backward.
            #expect(ring.result.bucketsPerIteration > 2)
        }

        @Test func ringAllReduceEqualsMPIAllreduceAndTheExactSumAndAllGatherIsIntact() throws {
            let outcome = try MPIJobSupport.run(ranks: 2, ["comm-bench", "--verify"])
            guard outcome.status == 0 else { throw MPIJobSupport.Failure(description: "mpirun failed: \(outcome.standardError)") }
            let verification = try JSONDecoder().decode(CommVerification.self, from: Data(outcome.standardOutput.utf8))
            #expect(verification.allGatherIntact, "allGather lost or reordered a payload")
            #expect(verification.allReduce.count == 5)
            for c in verification.allReduce {
                // Inputs are multiples of 1/1024 in [-0.5, 0.5): their sums are exact in float.
                #expect(c.ringMaxError == 0 && c.mpiMaxError == 0 && c.ringVersusMPIMaxDifference == 0, "\(c)")
                #expect(c.identicalAcrossRanks, "\(c)")
            }
        }

        @Test func theMicrobenchmarkFitsTheTransport() throws {
            // Sizes 16x apart and more, so that a moment of contention at one size seldom makes it slower than a larger one.
            let outcome = try MPIJobSupport.run(ranks: 2, ["comm-bench", "--sizes", "4096,65536,8388608", "--json"])
            guard outcome.status == 0 else { throw MPIJobSupport.Failure(description: "mpirun failed: \(outcome.standardError)") }
            let c = try JSONDecoder().decode(CommCalibration.self, from: Data(outcome.standardOutput.utf8))
            // Each algorithm and size warm, then with the ranks' caches evicted, fitted apart.
            #expect(c.samples.count == 12 && c.ranks == 2)
            #expect(c.samples.filter(\.evicted).count == 6 && c.samples.filter(\.evicted).allSatisfy { $0.repetitions == CommBenchmark.evictedRepetitions })
            let ring = try #require(c.ring)
            #expect(ring.latencySeconds >= 0 && ring.bandwidthBytesPerSecond > 0)
            #expect(c.evictedRingRegimes != nil && c.evictedMpiRegimes != nil)
        }
    }
}
