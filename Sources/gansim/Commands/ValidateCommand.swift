import ArgumentParser
import CostModel
import Workload
import Foundation
import ReportComposition
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
                base: DeviceCatalog.measuringCache(of: catalog), fitSet: Plans.fitSet, plan: Plans.validation, rounds: rounds,
                measure: TrainProcess.measure, progress: TrainProcess.progress("calibrating and validating"))
            report = validation
            if let saveProfile { try OutputFile.write(try calibration.profile.jsonData(), to: saveProfile, flag: "--save-profile") }
            fitted = CalibrationTable(
                calibration, device: catalog.name,
                source: "the built-in fit set (\(Plans.fitSet.count) runs, fastest of \(rounds) rounds)").text
        } else if measurements.isEmpty {
            report = try Validator.validate(profile: predicted, plan: Plans.validation, rounds: rounds,
                                            measure: TrainProcess.measure,
                                            progress: TrainProcess.progress("validating"))
        } else {
            var steps: [MeasuredStep] = []
            for path in measurements { steps += try MeasuredStepFile.read(path: path) }
            report = try Validator.validate(profile: predicted, steps: steps)
        }
        let source: ValidationPage.Profile = calibrate ? .fittedInSession(savedTo: saveProfile)
            : profile.map { .file($0) } ?? .catalog(predicted.name)
        let page = ValidationPage(report: report, profile: source, measuredStepFiles: measurements.count)
        if let out { try OutputFolder(out).write(try page.files()) }
        if let fitted, !json { print(fitted) }
        print(json ? try page.json() : page.text)
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
        let page = ValidationPage(publishedRuns: report, scaling: PublishedRunValidator.scaling(published, report: report), file: path)
        if let out { try OutputFolder(out).write(try page.files()) }
        print(json ? try page.json() : page.text)
    }
}
