import Reports
import ArgumentParser
import CostModel
import Workload
import Foundation
import ReportComposition
import Validation

/// `gansim calibrate`: fit a device profile to measured op times.
struct CalibrateCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a device profile's per-op-class parameters to measured op times.",
        discussion: """
            Without --measurements it trains a fit set of small GANs on this machine with the CPU trainer (each in its \
            own process, a few minutes in all) and fits the `cpu` profile to their op timings and whole steps. \
            --measurements reads JSON lines or CSV (the op-timing file of `gansim train --out`, or \
            the output of scripts/measure_graph.py on any PyTorch device; format in \
            Sources/CostModel/Calibration/MeasurementFile.swift). The fitted profile is usable by \
            every command through --profile.
            """)

    @Option(parsing: .upToNextOption,
            help: "Op timing files to fit (JSONL or CSV; one or more) instead of running the built-in fit set.")
    var measurements: [String] = []

    @Option(help: "Catalog profile whose peaks and bandwidth the fit starts from.")
    var device: String = "cpu"

    @Option(help: "Whole-run timings (CSV, as `validate --runs` reads) to fit the GPU execution model of --device to.")
    var runs: String?

    @Option(help: "With --runs: the implementation whose kernel launches are counted.")
    var implementation: String = ImplementationProfile.stylegan2AdaPyTorch.name

    @OptionGroup var runDefaults: RunDefaultsOptions

    @Option(help: "Runs of each fit-set configuration, in interleaved rounds; the fastest is fitted.")
    var rounds: Int = 5

    @Option(help: "Where to write the fitted profile (JSON).")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func preflight() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds \(rounds): expected a positive integer") }
        _ = try DeviceCatalog.profile(named: device)
        if let out { try OutputFile.prepare(out, flag: "--out") }
    }

    func run() throws {
        try preflight()
        let base = try DeviceCatalog.profile(named: device)
        if let runs { return try calibrateRuns(path: runs, base: base) }
        // Op timings fit the roofline's per-class parameters: a different model from the GPU execution model of whole
        // runs, which the fitted profile leaves out.
        var fitBase = base
        fitBase.execution = nil
        fitBase.validatedError = nil
        let result: CalibrationResult
        let source: String
        if !measurements.isEmpty {
            var samples: [TimingSample] = []
            for path in measurements { samples += try MeasurementFile.read(path: path) }
            result = ProfileFitter(base: fitBase).fit(samples)
            source = measurements.count == 1 ? measurements[0] : "\(measurements.count) files"
        } else {
            guard base.kind == .cpu else {
                throw ValidationError("--device \(device): running the fit set needs the local cpu profile; "
                    + "measure other devices with scripts/measure_graph.py and pass --measurements")
            }
            result = try RunnerCalibration.calibrate(base: DeviceCatalog.measuringCache(of: fitBase), fitSet: Plans.fitSet,
                                                     rounds: rounds, measure: TrainProcess.measure,
                                                     progress: TrainProcess.progress("calibrating"))
            source = "the built-in fit set (\(Plans.fitSet.count) runs, fastest of \(rounds) rounds)"
        }
        if let out { try OutputFile.write(try result.profile.jsonData(), to: out, flag: "--out") }
        if json {
            print(try JSONOutput.string(result))
            return
        }
        print(CalibrationTable(result, device: base.name, source: source).text)
        if let out { print("wrote \(out)") }
    }

    /// `--runs`: fit the GPU execution model to whole published runs.
    private func calibrateRuns(path: String, base: DeviceProfile) throws {
        guard measurements.isEmpty else { throw ValidationError("--runs \(path): fits whole runs; it takes no --measurements") }
        let published = try PublishedRunFile.read(path: path, defaults: runDefaults.defaults)
        let fit = try ExecutionCalibration.fit(base: base, implementation: implementation, runs: published)
        var profile = fit.profile
        profile.source += "; GPU execution model (\(implementation)) fitted by gansim calibrate --runs to \(published.count) runs of \(path)"
        // The error bars every prediction of the profile carries: each run predicted by a fit to the others.
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
        let held = try ExecutionCalibration.leaveOneOut(base: base, implementation: implementation, runs: published) {
            done, total in bar.update(done, total, "leave-one-out")
        }
        bar.finish()
        profile.validatedError = ValidatedError(
            basis: "leave-one-out over \(published.count) runs of \((path as NSString).lastPathComponent)",
            errors: held.configurations.map(\.stepTimeError))
        if let out { try OutputFile.write(try profile.jsonData(), to: out, flag: "--out") }
        if json {
            print(try JSONOutput.string(profile))
            return
        }
        print(ExecutionCalibrationSummary(fit: fit, leaveOneOut: held, validatedError: profile.validatedError, device: base.name,
                                          implementation: implementation, file: path, runs: published.count).text)
        if let out { print("wrote \(out)") }
    }
}
