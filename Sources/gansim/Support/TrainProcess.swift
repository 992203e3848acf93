import CostModel
import Workload
import Foundation
import RealRunner
import Validation

/// Measures a run configuration by running `gansim train` in a child process, so that
/// each run's peak resident memory is its own.
enum TrainProcess {
    /// Errors of a child run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the single-process `config` and reads its result and op timings.
    static func measure(_ config: RunConfiguration) throws -> MeasuredRun {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gansim-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = config.arguments(out: folder.path)
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "run '\(config.label)' failed: "
                + String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let result = try JSONDecoder().decode(
            TrainResult.self, from: Data(contentsOf: folder.appendingPathComponent("result.json")))
        let timings = try MeasurementFile.read(path: folder.appendingPathComponent("timings.jsonl").path)
        return MeasuredRun(stepSeconds: result.stepSeconds, peakResidentBytes: result.peakResidentBytes,
                           opTimings: timings, untimedSeconds: result.untimedSeconds,
                           parameters: (result.generatorParameters, result.discriminatorParameters))
    }

    /// A progress callback drawing `ProgressBar` on a terminal (silent when stderr is not one).
    static func progress(_ what: String) -> (Int, Int, String) -> Void {
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
        return { i, n, label in
            bar.update(i, n, "\(what) \(label)")
            if i == n { bar.finish() }
        }
    }
}
