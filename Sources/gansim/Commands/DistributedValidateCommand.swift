import ArgumentParser
import CostModel
import Workload
import Distributed
import Foundation
import ReportComposition
import Validation

/// `gansim validate-distributed`: fit the MPI transport, predict data-parallel
/// iterations with the simulator, run them with mpirun, report the errors.
struct DistributedValidateCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "validate-distributed",
        abstract: "Predict data-parallel CPU trainings over MPI with the simulator, run them, report the errors.",
        discussion: """
            Measures the machine apart from the runs it predicts: mpirun -np N gansim comm-bench for each rank \
            count of the plan (2 and 4) unless --comm gives it, and, for each rank and thread count of the plan, MPI \
            jobs of configurations outside it against the same work alone; and runs each configuration of the plan \
            with mpirun -np N gansim train --distributed. Every round runs all of these once, so that the machine's \
            measurements and the plan's runs see the same stretches of a machine whose speed drifts; the fastest of \
            --rounds rounds of each is kept. Writes comm-np<N>.json, machine.json, validation.json and \
            validation.md into --out; about 5 minutes at 5 rounds on 2 cores. Run it on an otherwise idle machine.
            """)

    @Option(help: "A calibrated profile (from `gansim calibrate --out`); the cpu catalog prior if omitted.")
    var profile: String?

    @Option(help: "A transport fit from `gansim comm-bench --algorithm both --out` (repeatable, one per rank count); rank counts of the plan without one are measured first.")
    var comm: [String] = []

    @Option(help: "Runs of each measurement and configuration, in interleaved rounds; the fastest is kept.")
    var rounds: Int = 5

    @Option(help: "Seconds one mpirun job may take before it is killed.")
    var timeout: Double = 600

    @Option(help: "Output folder for the report.")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func preflight() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds \(rounds): expected a positive integer") }
        if let out { _ = try OutputFolder(out) }
        if let profile { _ = try DeviceProfile.load(path: profile) }
        for path in comm { _ = try CommCalibration.load(path: path) }
    }

    func run() throws {
        try preflight()
        let device = try profile.map { try DeviceProfile.load(path: $0) } ?? DeviceCatalog.cpu
        let launcher = try MPILauncher()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gansim-validate-mpi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transports = try comm.map { try CommCalibration.load(path: $0) }
        let steps = DistributedValidation.Steps(
            commBench: { ranks in
                let path = folder.appendingPathComponent("comm-np\(ranks).json").path
                try Self.check(launcher.run(ranks: ranks, program: executable, arguments: ["comm-bench", "--algorithm", "both", "--out", path],
                                            timeoutSeconds: timeout), what: "mpirun -np \(ranks) gansim comm-bench")
                return try CommCalibration.load(path: path)
            },
            alone: { try TrainProcess.measure($0).stepSeconds },
            job: { config in
                let out = folder.appendingPathComponent("sharing").path
                try Self.check(launcher.run(ranks: config.ranks, program: executable, arguments: config.arguments(out: out),
                                            timeoutSeconds: timeout), what: "run '\(config.label)'")
                let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("result.json"))
                return CoRunningCalibration.Job(
                    stepSeconds: try JSONDecoder().decode(DistributedTrainResult.self, from: data).train.stepSeconds,
                    rankComputeSeconds: try (0..<config.ranks).map { rank in
                        try Self.timedRankCompute(URL(fileURLWithPath: out).appendingPathComponent("timings-rank\(rank).jsonl"))
                    })
            },
            run: { config in
                let runFolder = folder.appendingPathComponent("run").path
                try Self.check(launcher.run(ranks: config.ranks, program: executable,
                                            arguments: config.arguments(out: runFolder), timeoutSeconds: timeout),
                               what: "run '\(config.label)'")
                let data = try Data(contentsOf: URL(fileURLWithPath: runFolder).appendingPathComponent("result.json"))
                return MeasuredRun(dataParallel: try JSONDecoder().decode(DistributedTrainResult.self, from: data))
            })
        let report = try DistributedValidation.run(profile: device, plan: Plans.dataParallel, rounds: rounds,
                                                   transports: transports, steps: steps,
                                                   progress: TrainProcess.progress("validating")).report
        let page = DistributedValidationPage(report: report, profile: profile)
        if let out { try OutputFolder(out).write(try page.files()) }
        print(json ? try page.json() : page.text)
    }

    /// Each timed iteration's compute seconds (step less communication and waiting) in a rank's `timings-rank<r>.jsonl`.
    static func timedRankCompute(_ file: URL) throws -> [Double] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let r = try? JSONDecoder().decode(RankStepRecord.self, from: Data(line.utf8)), r.type == "rank-step", r.timed else { return nil }
            return r.computeSeconds
        }
    }

    /// Throws the job's error output unless it exited normally.
    static func check(_ outcome: MPILauncher.Outcome, what: String) throws {
        guard outcome.status != 0 || outcome.timedOut else { return }
        let reason = outcome.timedOut ? "did not finish within the time limit" : "failed (exit status \(outcome.status))"
        throw ValidationError("\(what) \(reason): " + outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
