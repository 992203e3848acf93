import Distributed
import Foundation
import Testing

extension MPIJobs {
    /// A rank that dies or hangs, and ranks started with different flags, end the job with
    /// a clear error, never a hang.
    @Suite struct FaultTests {
        /// A run long enough for the fault to strike mid-training.
        func train(_ extra: [String], out: URL) -> [String] {
            ["train", "mlp-gan", "--batch", "64", "--steps", "30", "--distributed", "--out", out.path] + extra
        }

        /// Runs a training in which `fault` strikes; returns the outcome and whether the
        /// failed run left an output folder behind.
        func faulty(_ fault: String, commTimeout: String) throws -> (outcome: MPILauncher.Outcome, leftOutput: Bool) {
            let folder = try MPIJobSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("run")
            let outcome = try MPIJobSupport.run(ranks: 2, train(["--inject-fault", fault, "--comm-timeout", commTimeout], out: out),
                                                timeoutSeconds: 60)
            return (outcome, FileManager.default.fileExists(atPath: out.path))
        }

        @Test func aRankThatDiesEndsTheJob() throws {
            let (outcome, leftOutput) = try faulty("exit:1:3", commTimeout: "20")
            #expect(!outcome.timedOut, "the job hung")
            #expect(outcome.status != 0)
            #expect(outcome.standardError.contains("rank 1") && outcome.standardError.contains("signal 9"), "\(outcome.standardError)")
            #expect(!leftOutput, "a failed run left output behind")
        }

        @Test func aRankThatHangsIsCaughtByTheWatchdog() throws {
            let (outcome, leftOutput) = try faulty("hang:1:3", commTimeout: "2")
            #expect(!outcome.timedOut, "the job hung")
            #expect(outcome.status != 0)
            #expect(outcome.standardError.contains("rank 0 of 2: error: no answer from the other ranks within 2 s"),
                    "\(outcome.standardError)")
            #expect(!leftOutput, "a failed run left output behind")
        }

        @Test func ranksWithDifferentFlagsStopWithTheField() throws {
            let folder = try MPIJobSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("run")
            let gansim = try MPIJobSupport.gansim()
            var a = train([], out: out), b = train([], out: out)
            b[3] = "32"
            let outcome = try MPIJobSupport.run([(1, [gansim] + a), (1, [gansim] + b)])
            #expect(!outcome.timedOut, "the job hung")
            #expect(outcome.status != 0)
            #expect(outcome.standardError.contains("batch is '64' on rank 0, '32' on rank 1"), "\(outcome.standardError)")
            a[1] = "dcgan"
            let model = try MPIJobSupport.run([(1, [gansim] + a), (1, [gansim] + train([], out: out))])
            #expect(model.status != 0 && !model.timedOut)
            #expect(model.standardError.contains("'dcgan") || model.standardError.contains("rank"), "\(model.standardError)")
        }

        @Test func badDistributedUseIsRefusedClearly() throws {
            let gansim = try MPIJobSupport.gansim()
            let folder = try MPIJobSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            // Not under mpirun.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: gansim)
            p.arguments = ["train", "mlp-gan", "--steps", "2", "--distributed", "--out", folder.path]
            let errors = Pipe()
            p.standardError = errors
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus != 0)
            #expect(text.contains("must be started by mpirun"), "\(text)")
            // A global batch the ranks cannot share.
            let odd = try MPIJobSupport.run(ranks: 2, ["train", "mlp-gan", "--batch", "63", "--steps", "2", "--distributed",
                                                       "--out", folder.path])
            #expect(odd.status != 0 && !odd.timedOut)
            #expect(odd.standardError.contains("invalid batch '63'"), "\(odd.standardError)")
        }
    }
}
