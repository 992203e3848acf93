import Reports
import ArgumentParser
import CostModel
import Foundation
import Validation

/// `gansim validate`: predict configurations the calibration never saw, run them, report the error.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Predict the validation plan with the cost model, run it on the CPU, report the errors.",
        discussion: "Writes validation.json, validation.md and scatter.svg into --out. Runs take a few minutes.")

    @Option(help: "A calibrated profile (from `gansim calibrate --out`); the cpu catalog prior if omitted.")
    var profile: String?

    @Option(help: "Output folder for the report.")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func run() throws {
        let device = try profile.map { try DeviceProfile.load(path: $0) } ?? DeviceCatalog.cpu
        let report = try Validator.validate(profile: device, plan: Plans.validation, measure: TrainProcess.measure,
                                            progress: TrainProcess.progress("validating"))
        let table = Self.table(report)
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            func write(_ text: String, _ name: String) throws {
                try SimulateOutput.atomicWrite(Data(text.utf8), to: URL(fileURLWithPath: out).appendingPathComponent(name))
            }
            try write(try JSONOutput.string(report) + "\n", "validation.json")
            try write(ScatterPlot.svg(report), "scatter.svg")
            try write("# Validation against real CPU runs\n\nProfile: `\(profile ?? "cpu (uncalibrated prior)")`\n\n```\n"
                + table + "\n```\n\n![predicted vs measured](scatter.svg)\n", "validation.md")
        }
        print(json ? try JSONOutput.string(report) : table)
    }

    static func table(_ r: ValidationReport) -> String {
        var t = TextTable(["configuration", "predicted", "measured", "error", "pred. memory", "meas. memory", "error"])
        for c in r.configurations {
            t.add([c.label, Units.seconds(c.predictedStepSeconds), Units.seconds(c.measuredStepSeconds),
                   String(format: "%+.1f%%", c.stepTimeError * 100), Units.bytes(c.predictedPeakBytes),
                   Units.bytes(c.measuredPeakBytes), String(format: "%+.1f%%", c.memoryError * 100)])
        }
        let s = r.summary
        return t.render() + "\n" + String(
            format: "step time MAPE %.1f%% (max %.1f%%) over %d configurations; memory MAPE %.1f%%",
            s.stepTimeMAPE * 100, s.stepTimeMaxError * 100, s.configurations, s.memoryMAPE * 100)
    }
}
