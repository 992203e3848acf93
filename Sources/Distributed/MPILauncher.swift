import Dispatch
import Foundation

/// Starts `mpirun` jobs from a running program (tests, `gansim validate-distributed`)
/// and collects their exit status and output, killing a job that outlives its time limit.
public struct MPILauncher: Sendable {
    /// What a finished (or killed) job left.
    public struct Outcome: Sendable {
        /// Exit status of `mpirun` (or the terminating signal's number when killed).
        public var status: Int32
        /// Whether the launcher killed the job at its time limit.
        public var timedOut: Bool
        public var standardOutput: String
        public var standardError: String
        /// Wall seconds from start to exit.
        public var seconds: Double
    }

    /// The `mpirun` executable.
    public var mpirun: String
    /// Flags before the programs: `--oversubscribe` (more ranks than cores must work on
    /// small machines), `--bind-to none` (a rank's threads may use any core), and
    /// `--allow-run-as-root` when running as root (Open MPI refuses root otherwise).
    public var flags: [String]

    /// Finds `mpirun` on `PATH`.
    ///
    /// - Throws: `MPIError.invalidOption` when Open MPI is not installed.
    public init() throws(MPIError) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let found = path.split(separator: ":").map({ "\($0)/mpirun" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw .invalidOption(field: "mpirun", value: "not found on PATH",
                                 expected: "Open MPI installed (apt-get install openmpi-bin libopenmpi-dev)")
        }
        mpirun = found
        flags = ["--oversubscribe", "--bind-to", "none"] + (geteuid() == 0 ? ["--allow-run-as-root"] : [])
    }

    /// Runs `program` with `arguments` on `ranks` ranks.
    public func run(ranks: Int, program: String, arguments: [String], timeoutSeconds: Double,
                    environment: [String: String] = [:]) throws -> Outcome {
        try run(programs: [(ranks, [program] + arguments)], timeoutSeconds: timeoutSeconds, environment: environment)
    }

    /// Runs one job whose ranks execute different command lines (`mpirun -np 1 a : -np 1 b`).
    ///
    /// - Parameter programs: `(ranks, argv)` per group, argv starting with the program path.
    /// - Throws: when `mpirun` cannot be started or its output cannot be read.
    public func run(programs: [(ranks: Int, argv: [String])], timeoutSeconds: Double,
                    environment: [String: String] = [:]) throws -> Outcome {
        var arguments = flags
        for (i, p) in programs.enumerated() {
            if i > 0 { arguments.append(":") }
            arguments += ["-np", "\(p.ranks)"] + p.argv
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gansim-mpirun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: mpirun)
        process.arguments = arguments
        // Ranks share the cores (`--oversubscribe`), so the OpenMP threads of oneDNN's convolutions sleep between
        // parallel regions instead of spinning on a core another rank needs (unless the caller's environment says).
        process.environment = ProcessInfo.processInfo.environment.merging(["OMP_WAIT_POLICY": "PASSIVE"]) { old, _ in old }
            .merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9 }
        try process.run()
        var timedOut = false
        while process.isRunning {
            if elapsed() > timeoutSeconds && !timedOut {
                timedOut = true
                // mpirun forwards SIGTERM to its ranks and exits; SIGKILL if it does not.
                process.terminate()
                let killAt = elapsed() + 5
                while process.isRunning && elapsed() < killAt { usleep(20_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(status: process.terminationStatus, timedOut: timedOut,
                       standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                       standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", seconds: elapsed())
    }
}
