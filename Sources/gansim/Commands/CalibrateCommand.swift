import ArgumentParser
import CostModel
import Foundation

/// `gansim calibrate`: fit a device profile to measured op times.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a device profile's per-op-class parameters to measured op times.",
        discussion: """
            --measurements reads JSON lines or CSV (the op-timing file of `gansim train --out`, or \
            the output of scripts/measure_graph.py on any PyTorch device; format in \
            Sources/CostModel/Calibration/MeasurementFile.swift). The fitted profile is usable by \
            every command through --profile.
            """)

    @Option(help: "Op timings to fit (JSONL or CSV).")
    var measurements: String

    @Option(help: "Catalog profile whose peaks and bandwidth the fit starts from.")
    var device: String = "cpu"

    @Option(help: "Where to write the fitted profile (JSON).")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func run() throws {
        let base = try DeviceCatalog.profile(named: device)
        let samples = try MeasurementFile.read(path: measurements)
        let result = ProfileFitter(base: base).fit(samples)
        if let out { try result.profile.save(path: out) }
        if json {
            print(try JSONOutput.string(result))
            return
        }
        print("fitted \(base.name) to \(samples.count) op timings from \(measurements)")
        var table = TextTable(["class", "samples", "overhead", "compute eff.", "memory eff.", "R^2 (log t)",
                               "spread", "mean |err|"])
        for c in result.classes {
            table.add([c.opClass.rawValue, "\(c.samples)",
                       Units.seconds(c.launchOverheadSeconds) + " ± " + Units.seconds(c.launchOverheadStandardError),
                       String(format: "%.3f ± %.3f", c.computeEfficiency, c.computeEfficiencyStandardError),
                       String(format: "%.3f ± %.3f", c.memoryEfficiency, c.memoryEfficiencyStandardError),
                       String(format: "%.3f", c.rSquared), String(format: "%.1f%%", c.residualSpread * 100),
                       String(format: "%.1f%%", c.meanAbsoluteError * 100)])
        }
        print(table.render())
        let skipped = Set(samples.map(\.opClass)).subtracting(result.classes.map(\.opClass))
        if !skipped.isEmpty {
            print("kept prior parameters for classes with fewer than 4 samples: "
                + skipped.map(\.rawValue).sorted().joined(separator: ", "))
        }
        if let out { print("wrote \(out)") }
    }
}
