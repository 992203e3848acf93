import Distributed
import Foundation
import Testing

extension MPIJobs {
    /// `mpirun -np 2 gansim sweep`: the ranks share the grid and rank 0 prints what one process would.
    @Suite struct DistributedSweepTests {
        @Test func twoRanksGiveTheSingleProcessResultByteForByte() throws {
            let folder = try MPIJobSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = folder.appendingPathComponent("grid.yaml")
            try """
                name: grid
                model: {architecture: dcgan, resolution: 64}
                recipe: {batchPerDevice: 32}
                cluster: {topology: dgx-a100, devices: 8}
                training: {kimg: 500}
                simulate: {iterations: 2}
                """.write(to: scenario, atomically: false, encoding: .utf8)
            let arguments = ["sweep", scenario.path, "--vary", "devices=1,2,4,8,16,32", "--vary", "device=a100-80gb,h100",
                             "--vary", "batch=16,64", "--json"]
            let single = Process()
            single.executableURL = URL(fileURLWithPath: try MPIJobSupport.gansim())
            single.arguments = arguments
            let pipe = Pipe()
            single.standardOutput = pipe
            try single.run()
            let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            single.waitUntilExit()
            #expect(single.terminationStatus == 0)
            let job = try MPIJobSupport.run(ranks: 2, arguments)
            #expect(job.status == 0, "\(job.standardError)")
            #expect(!expected.isEmpty)
            #expect(job.standardOutput == expected)
        }
    }
}
