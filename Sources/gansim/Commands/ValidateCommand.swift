import Reports
import ArgumentParser
import CostModel
import Workload
import Foundation
import Validation

/// `gansim validate`: predict configurations the calibration never saw, run them, report the error.
struct ValidateCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Predict the validation plan with the cost model, run it on the CPU, report the errors.",
        discussion: """
            Writes validation.json, validation.md and scatter.svg into --out. Runs take a few minutes.
            With --measurements it runs nothing: it predicts the whole steps recorded in files of
            scripts/measure_graph.py (timed in PyTorch on any device, e.g. a GPU) for --profile, or
            for the catalog --device when no profile is given, and reports the same table.
            With --calibrate it calibrates in the same session instead of reading --profile: every
            round runs the calibration fit set and the validation plan interleaved, so that a machine
            whose speed drifts for minutes at a time gives both the same stretches (`make validate`).
            With --runs it predicts whole published training runs (seconds per kimg, peak memory; format in
            Sources/Validation/PublishedRunFile.swift) with the training schedule, for the catalog profiles or
            --profile, and reports the errors and the data-parallel scaling (`make validate-published`).
            """)

    @Option(help: "A calibrated profile (from `gansim calibrate --out`); the cpu catalog prior if omitted.")
    var profile: String?

    @Option(parsing: .upToNextOption,
            help: "Step timings from scripts/measure_graph.py (one or more JSONL files) to predict instead of CPU runs.")
    var measurements: [String] = []

    @Option(help: "Catalog device predicted for --measurements when no --profile is given (e.g. h100).")
    var device: String?

    @Option(help: "Whole-run timings (CSV: resolution, gpus, batch_per_gpu, sec_per_kimg or its range, ...) to predict.")
    var runs: String?

    @OptionGroup var runDefaults: RunDefaultsOptions

    @Flag(help: "With --runs and a --profile that has a GPU execution model: predict each run by a fit to the others.")
    var leaveOneOut = false

    @Flag(help: "Calibrate the cpu profile in the same session, the fit set interleaved with the plan.")
    var calibrate = false

    @Option(help: "With --calibrate: where to write the fitted profile (JSON).")
    var saveProfile: String?

    @Option(help: "Runs of each CPU configuration, in interleaved rounds; the fastest is compared.")
    var rounds: Int = 5

    @Option(help: "Output folder for the report.")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func preflight() throws {
        if runs != nil {
            if calibrate || !measurements.isEmpty || device != nil || saveProfile != nil {
                throw ValidationError("--runs \(runs!): predicts published runs; it takes neither --calibrate, --measurements, --device nor --save-profile")
            }
            if let out { _ = try OutputFolder(out) }
            return
        }
        if leaveOneOut { throw ValidationError("--leave-one-out: only applies with --runs") }
        if device != nil && (profile != nil || measurements.isEmpty) {
            throw ValidationError("--device \(device!): only applies to --measurements without --profile "
                + "(the CPU plan predicts --profile or the cpu catalog profile)")
        }
        guard rounds >= 1 else { throw ValidationError("--rounds \(rounds): expected a positive integer") }
        if calibrate && (profile != nil || !measurements.isEmpty) {
            throw ValidationError("--calibrate: fits the profile it validates; it takes neither --profile nor --measurements")
        }
        if saveProfile != nil && !calibrate {
            throw ValidationError("--save-profile \(saveProfile!): only applies with --calibrate")
        }
        if let saveProfile { try OutputFile.prepare(saveProfile, flag: "--save-profile") }
        if let out { _ = try OutputFolder(out) }
    }

    func run() throws {
        try preflight()
        if let runs { return try validateRuns(path: runs) }
        let catalog = try device.map { try DeviceCatalog.profile(named: $0) } ?? DeviceCatalog.cpu
        let predicted = try profile.map { try DeviceProfile.load(path: $0) } ?? catalog
        let report: ValidationReport
        var fitted: String?
        if calibrate {
            let (calibration, validation) = try CalibratedValidation.run(
                base: catalog, fitSet: Plans.fitSet, plan: Plans.validation, rounds: rounds,
                measure: TrainProcess.measure, progress: TrainProcess.progress("calibrating and validating"))
            report = validation
            if let saveProfile { try OutputFile.write(try calibration.profile.jsonData(), to: saveProfile, flag: "--save-profile") }
            fitted = CalibrateCommand.summary(
                calibration, base: catalog,
                source: "the built-in fit set (\(Plans.fitSet.count) runs, fastest of \(rounds) rounds)")
        } else if measurements.isEmpty {
            report = try Validator.validate(profile: predicted, plan: Plans.validation, rounds: rounds,
                                            measure: TrainProcess.measure,
                                            progress: TrainProcess.progress("validating"))
        } else {
            var steps: [MeasuredStep] = []
            for path in measurements { steps += try MeasuredStepFile.read(path: path) }
            report = try Validator.validate(profile: predicted, steps: steps)
        }
        let table = Self.table(report)
        if let out {
            let against = report.measurement ?? "measured steps (\(measurements.count) files)"
            let profileName = calibrate ? "fitted in the same session" + (saveProfile.map { " (`\($0)`)" } ?? "")
                : "`\(profile ?? predicted.name + " (catalog)")`"
            try OutputFolder(out).write([
                ("validation.json", Data((try JSONOutput.string(report) + "\n").utf8)),
                ("scatter.svg", Data(ScatterPlot.svg(report).utf8)),
                ("validation.md", Data(("# Validation against \(against)\n\nProfile: \(profileName)\n\n```\n"
                    + table + "\n```\n\n![predicted vs measured](scatter.svg)\n").utf8)),
            ])
        }
        if let fitted, !json { print(fitted) }
        print(json ? try JSONOutput.string(report) : table)
    }

    /// `--runs`: predict the published runs of a file.
    private func validateRuns(path: String) throws {
        let profiles = try DeviceProfiles(files: profile.map { [$0] } ?? [])
        let published = try PublishedRunFile.read(path: path, defaults: runDefaults.defaults)
        let report: ValidationReport
        if leaveOneOut {
            guard let path = profile, let base = profiles.overrides.values.first, let execution = base.execution else {
                throw ValidationError("--leave-one-out: needs --profile with a GPU execution model (from `gansim calibrate --runs`)")
            }
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
            report = try ExecutionCalibration.leaveOneOut(base: base, implementation: execution.implementation, runs: published) {
                done, total in bar.update(done, total, "refitting \(path) without each run")
            }
            bar.finish()
        } else {
            report = try PublishedRunValidator.validate(published, profiles: profiles, measurement: "published runs in \(path)")
        }
        let scaling = PublishedRunValidator.scaling(published, report: report)
        let text = Self.table(report) + "\n\n" + Self.scalingTable(scaling)
        if let out {
            try OutputFolder(out).write([
                ("validation.json", Data((try JSONOutput.string(PublishedRunReport(report: report, scaling: scaling)) + "\n").utf8)),
                ("scatter.svg", Data(ScatterPlot.svg(report).utf8)),
                ("validation.md", Data(("# Validation against \(report.measurement ?? path)\n\nProfiles: \(report.profile)\n\n```\n"
                    + text + "\n```\n\n![predicted vs measured](scatter.svg)\n").utf8)),
            ])
        }
        print(json ? try JSONOutput.string(PublishedRunReport(report: report, scaling: scaling)) : text)
    }

    /// The scaling comparisons as a table.
    static func scalingTable(_ rows: [ScalingComparison]) -> String {
        var t = TextTable(["configuration", "GPUs", "measured speed-up", "predicted", "efficiency", "predicted", "error (points)"])
        for r in rows {
            t.add([r.configuration, "\(r.fromGPUs) -> \(r.toGPUs)", String(format: "%.2fx", r.measuredSpeedup),
                   String(format: "%.2fx", r.predictedSpeedup), String(format: "%.1f%%", r.measuredEfficiency * 100),
                   String(format: "%.1f%%", r.predictedEfficiency * 100), String(format: "%+.1f", r.efficiencyErrorPoints)])
        }
        return t.render()
    }

    static func table(_ r: ValidationReport) -> String {
        var t = TextTable(["configuration", "predicted", "measured", "error", "pred. memory", "meas. memory", "error"])
        for c in r.configurations {
            t.add([c.label, Units.seconds(c.predictedStepSeconds), Units.seconds(c.measuredStepSeconds),
                   String(format: "%+.1f%%", c.stepTimeError * 100), c.predictedPeakBytes.map(Units.bytes) ?? "-",
                   c.memoryError == nil ? "-" : Units.bytes(c.measuredPeakBytes ?? 0),
                   c.memoryError.map { String(format: "%+.1f%%", $0 * 100) } ?? "-"])
        }
        let s = r.summary
        let measuredPeaks = s.memoryConfigurations ?? 0, memoryMAPE = s.memoryMAPE ?? 0
        let memory = measuredPeaks == 0 ? "memory not measured"
            : measuredPeaks == s.configurations ? String(format: "memory MAPE %.1f%%", memoryMAPE * 100)
            : String(format: "memory MAPE %.1f%% over the %d with a measured peak", memoryMAPE * 100, measuredPeaks)
        return t.render() + "\n" + String(
            format: "step time MAPE %.1f%% (max %.1f%%) over %d configurations; ",
            s.stepTimeMAPE * 100, s.stepTimeMaxError * 100, s.configurations) + memory
            + (r.measurement.map { "\nmeasured: " + $0 } ?? "")
    }
}
