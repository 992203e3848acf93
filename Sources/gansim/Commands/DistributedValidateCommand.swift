import ArgumentParser
import CostModel
import Workload
import Distributed
import Foundation
import RealRunner

/// `gansim validate-distributed`: fit the MPI transport, predict data-parallel
/// iterations with the simulator, run them with mpirun, report the errors.
struct DistributedValidateCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "validate-distributed",
        abstract: "Predict data-parallel CPU trainings (np 2) with the simulator and a fitted MPI link, run them, report the errors.",
        discussion: """
            Runs mpirun -np 2 gansim comm-bench unless --comm is given, then each configuration of the plan with \
            mpirun -np 2 gansim train --distributed. Writes comm-calibration.json, validation.json and \
            validation.md into --out. Takes a few minutes; run it on an otherwise idle machine.
            """)

    @Option(help: "A calibrated profile (from `gansim calibrate --out`); the cpu catalog prior if omitted.")
    var profile: String?

    @Option(help: "A transport fit from `gansim comm-bench --out`; measured first if omitted.")
    var comm: String?

    @Option(help: "Seconds one mpirun job may take before it is killed.")
    var timeout: Double = 600

    @Option(help: "Output folder for the report.")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func preflight() throws {
        if let out { _ = try OutputFolder(out) }
        if let profile { _ = try DeviceProfile.load(path: profile) }
        if let comm { _ = try CommCalibration.load(path: comm) }
    }

    func run() throws {
        try preflight()
        let device = try profile.map { try DeviceProfile.load(path: $0) } ?? DeviceCatalog.cpu
        let launcher = try MPILauncher()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gansim-validate-mpi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let calibration: CommCalibration
        if let comm {
            calibration = try CommCalibration.load(path: comm)
        } else {
            let path = folder.appendingPathComponent("comm.json").path
            try Self.check(launcher.run(ranks: 2, program: executable, arguments: ["comm-bench", "--algorithm", "ring", "--out", path],
                                        timeoutSeconds: timeout), what: "mpirun -np 2 gansim comm-bench")
            calibration = try CommCalibration.load(path: path)
        }
        guard let transport = calibration.ringRegimes else {
            throw ValidationError("the transport fit has no ring samples: run gansim comm-bench with --algorithm ring or both")
        }
        // Each copy is its own `gansim train` process, all started at once.
        let coRunning = try CoRunningCalibration.measure(processes: 2) { config, copies in
            let runs = try (0..<copies).map { i -> (Process, String) in
                let out = folder.appendingPathComponent("corun-\(i)").path
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = config.trainArguments(out: out, distributed: false)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return (process, out)
            }
            return try runs.map { process, out in
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw ValidationError("gansim train '\(config.label)' (side by side) failed with exit status \(process.terminationStatus)")
                }
                let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("result.json"))
                return try JSONDecoder().decode(TrainResult.self, from: data).stepSeconds
            }
        }
        let report = try DistributedValidator.validate(
            profile: device, transport: transport, coRunning: coRunning, plan: DistributedPlans.validation,
            measure: { config in
                let runFolder = folder.appendingPathComponent("run").path
                try Self.check(launcher.run(ranks: config.ranks, program: executable,
                                            arguments: config.trainArguments(out: runFolder), timeoutSeconds: timeout),
                               what: "run '\(config.label)'")
                let data = try Data(contentsOf: URL(fileURLWithPath: runFolder).appendingPathComponent("result.json"))
                return try JSONDecoder().decode(DistributedTrainResult.self, from: data)
            },
            progress: TrainProcess.progress("validating"))
        let table = Self.table(report)
        if let out {
            try OutputFolder(out).write([
                ("comm-calibration.json", Data((try JSONOutput.string(calibration) + "\n").utf8)),
                ("validation.json", Data((try JSONOutput.string(report) + "\n").utf8)),
                ("validation.md", Data(("# Data-parallel runs on MPI against the simulator\n\nProfile: `\(profile ?? "cpu (uncalibrated prior)")`\n\n```\n"
                    + CommBenchCommand.table(calibration) + "\n\n" + table + "\n```\n").utf8)),
            ])
        }
        print(json ? try JSONOutput.string(report) : table)
    }

    /// Throws the job's error output unless it exited normally.
    static func check(_ outcome: MPILauncher.Outcome, what: String) throws {
        guard outcome.status != 0 || outcome.timedOut else { return }
        let reason = outcome.timedOut ? "did not finish within the time limit" : "failed (exit status \(outcome.status))"
        throw ValidationError("\(what) \(reason): " + outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func table(_ r: DistributedValidationReport) -> String {
        var t = TextTable(["configuration", "predicted", "measured", "error", "pred. comm+wait", "meas. comm+wait",
                           "pred. compute", "meas. compute"])
        func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1e3) }
        for c in r.configurations {
            t.add([c.label, ms(c.predictedStepSeconds), ms(c.measuredStepSeconds), String(format: "%+.1f%%", c.stepTimeError * 100),
                   ms(c.predictedCommunicationSeconds), ms(c.measuredCommunicationSeconds), ms(c.predictedComputeSeconds),
                   ms(c.measuredComputeSeconds)])
        }
        return t.render() + "\n" + String(
            format: "step time MAPE %.1f%% (max %.1f%%) over %d configurations; communication+wait MAPE %.1f%%\ntransport: %@\na core beside %d busy processes delivers %.2f of its time alone (%@)",
            r.summary.stepTimeMAPE * 100, r.summary.stepTimeMaxError * 100, r.summary.configurations,
            r.summary.communicationMAPE * 100, CommBenchCommand.describe(r.transport), r.coRunning.processes,
            r.coRunning.efficiency, r.coRunning.runs.map { String(format: "%@ %.2f ms alone, %.2f ms side by side", $0.label,
                                                                  $0.aloneStepSeconds * 1e3, $0.sideBySideStepSeconds * 1e3) }
                .joined(separator: "; "))
    }
}
