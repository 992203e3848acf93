import CostModel
import Foundation
import Testing
@testable import ReportComposition
import TestSupport
import Validation

/// The committed H100 check end to end: `gansim calibrate --device h100 --measurements measurements/h100/fit/*.jsonl
/// --out out/h100-fitted.json`, then `gansim validate --profile out/h100-fitted.json --measurements
/// measurements/h100/validation/*.jsonl --out ...`, through the library calls the commands make; the text and files
/// are the bytes the commands wrote before composing them moved here.
@Suite struct MeasuredStepsValidationTests {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The JSONL files of `folder` (relative to the root), in the shell's glob order, by the paths the commands were given.
    static func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { folder + "/" + $0 }
    }

    @Test func theH100FitAndItsValidationPrintAndWriteWhatTheCommandsDid() throws {
        let base = try DeviceCatalog.profile(named: "h100")
        var fitBase = base
        fitBase.execution = nil
        fitBase.validatedError = nil
        let fitFiles = try Self.files("measurements/h100/fit")
        var samples: [TimingSample] = []
        for path in fitFiles { samples += try MeasurementFile.read(path: Self.root.appendingPathComponent(path).path) }
        let result = ProfileFitter(base: fitBase).fit(samples)
        let table = CalibrationTable(result, device: base.name, source: "\(fitFiles.count) files").text
        let expectedTable = try Fixture.text("calibration-h100.txt")
        // The fit's figures to a part in a thousand: its ill-conditioned classes' uncertainties round differently by CPU.
        #expect(isCloseText(table, expectedTable, relative: 1e-3), "\(table)")

        // The profile as `validate --profile` reads it back from the file `calibrate --out` wrote.
        let profile = try DeviceProfile.decode(try result.profile.jsonData(), file: "out/h100-fitted.json")
        let validationFiles = try Self.files("measurements/h100/validation")
        var steps: [MeasuredStep] = []
        for path in validationFiles {
            steps += try MeasuredStepFile.read(path: Self.root.appendingPathComponent(path).path).map { step in
                var step = step
                step.source = String(step.source.dropFirst(Self.root.path.count + 1))
                return step
            }
        }
        let report = try Validator.validate(profile: profile, steps: steps)
        let page = ValidationPage(report: report, profile: .file("out/h100-fitted.json"), measuredStepFiles: validationFiles.count)
        let printed = page.text + "\n", expectedPrinted = try Fixture.text("validation-h100.txt")
        #expect(isCloseText(printed, expectedPrinted, relative: 1e-3), "\(printed)")
        let files = try page.files()
        for (name, fixture) in [("validation.json", "validation-h100.json"), ("scatter.svg", "validation-h100.svg"),
                                ("validation.md", "validation-h100.md")] {
            let file = Fixture.file(name, in: files), expected = try Fixture.text(fixture)
            #expect(isCloseText(file ?? "", expected, relative: 1e-4, absolute: 1e-5), "\(name)")
        }
    }
}
