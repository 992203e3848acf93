import Distributed
import Foundation
import Testing
import TestSupport

/// The suites that start `mpirun` jobs, one job at a time (each job runs two ranks on
/// this machine's cores).
@Suite(.serialized) enum MPIJobs {}

/// Finds the built `gansim` and runs it under `mpirun` for the tests.
enum MPIJobSupport {
    /// Errors that make a test fail with a reason.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The `gansim` executable built next to this test bundle.
    static func gansim() throws -> String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test runner is <build>/<config>/<Package>PackageTests.xctest.
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("gansim").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw Failure(description: "no gansim executable next to \(exe): build it with swift build --build-tests")
    }

    /// A fresh temporary folder (removed by the caller).
    static func temporaryFolder() throws -> URL {
        let url = URL(fileURLWithPath: TestScratch.folder("dist-test"))
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Open MPI settings for the test jobs: no single-copy (CMA) transfers between ranks,
    /// which containers often forbid (ptrace restrictions); the tests' messages are small.
    static let environment = ["OMPI_MCA_btl_vader_single_copy_mechanism": "none"]

    /// Runs `gansim arguments` on `ranks` ranks; the job is killed after `timeoutSeconds`.
    static func run(ranks: Int, _ arguments: [String], timeoutSeconds: Double = 60) throws -> MPILauncher.Outcome {
        try run([(ranks, [try gansim()] + arguments)], timeoutSeconds: timeoutSeconds)
    }

    /// Runs one job whose rank groups execute different command lines.
    static func run(_ programs: [(ranks: Int, argv: [String])], timeoutSeconds: Double = 60) throws -> MPILauncher.Outcome {
        try MPILauncher().run(programs: programs, timeoutSeconds: timeoutSeconds, environment: environment)
    }

    /// Where two parameter vectors first differ, as a sentence; nil when they are identical.
    static func difference(_ a: [Float], _ b: [Float]) -> String? {
        guard a.count == b.count else { return "\(a.count) parameters against \(b.count)" }
        let differing = a.indices.filter { a[$0].bitPattern != b[$0].bitPattern }
        guard let first = differing.first else { return nil }
        return "\(differing.count) of \(a.count) parameters differ, the first at \(first): \(a[first]) against \(b[first])"
    }

    /// Reads a raw float32 file.
    static func floats(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}
