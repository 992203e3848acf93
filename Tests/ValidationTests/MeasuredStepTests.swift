import CostModel
import TestSupport
import Workload
import Foundation
import Testing
import Validation

/// Step records of scripts/measure_graph.py: parsing, refusals, and their prediction.
@Suite struct MeasuredStepTests {
    static let record = #"{"type": "step", "batch": 16, "stepSeconds": 0.25, "precision": "bf16", "#
        + #""config": {"architecture": "biggan", "resolution": 256}, "peakAllocatedBytes": 12000000000}"#

    @Test func readsStepRecordsAndSkipsTheRest() throws {
        let text = #"{"type": "provenance", "deviceName": "NVIDIA H100 80GB HBM3"}"# + "\n"
            + #"{"type": "op", "kind": "conv2d", "flops": 1, "bytes": 1, "medianSeconds": 1e-5}"# + "\n\n"
            + Self.record + "\n"
        let steps = try MeasuredStepFile.parse(text, file: "m.jsonl")
        #expect(steps.count == 1)
        let s = try #require(steps.first)
        #expect(s.model == ModelConfig(architecture: .biggan, resolution: 256))
        #expect(s.batch == 16 && s.precision == .bf16 && s.stepSeconds == 0.25)
        #expect(s.peakAllocatedBytes == 12_000_000_000)
        #expect(s.source == "m.jsonl:4")
        #expect(s.label == "biggan-256 b16 bf16")
        #expect(s.recipe.discriminatorSteps == 1 && !s.recipe.ema && s.recipe.r1Interval == 0)
    }

    @Test(arguments: [
        (#""batch": 16"#, #""batch": 0"#, "m.jsonl:1: field 'batch' = '0'"),
        (#""stepSeconds": 0.25"#, #""stepSeconds": -1"#, "field 'stepSeconds' = '-1'"),
        (#""precision": "bf16""#, #""precision": "fp4""#, "field 'precision' = 'fp4'"),
        (#""architecture": "biggan""#, #""architecture": "vqgan""#, "field 'config' = 'vqgan'"),
        (#""peakAllocatedBytes": 12000000000"#, #""peakAllocatedBytes": "lots""#, "field 'peakAllocatedBytes' = 'lots'"),
    ])
    func refusesBadFieldsNamingThem(original: String, broken: String, expected: String) {
        let text = Self.record.replacingOccurrences(of: original, with: broken)
        do {
            _ = try MeasuredStepFile.parse(text, file: "m.jsonl")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func refusesFilesWithoutSteps() {
        #expect(throws: CalibrationError.self) {
            try MeasuredStepFile.parse(#"{"type": "provenance"}"#, file: "m.jsonl")
        }
        #expect(throws: CalibrationError.self) { try MeasuredStepFile.parse("not json", file: "m.jsonl") }
    }

    @Test func predictsTheScriptsRecipeAndComparesMemoryWithoutTheRuntime() throws {
        // measure_graph.py steps are priced by the roofline alone (Validator leaves the execution model out).
        var h100 = try DeviceCatalog.profile(named: "h100")
        h100.execution = nil
        let s = try #require(try MeasuredStepFile.parse(Self.record, file: "m.jsonl").first)
        let model = try s.model.build()
        let predicted = try IterationEstimator(model: model, recipe: s.recipe, device: h100).estimate().seconds
        let memory = MemoryModel(model: model, recipe: s.recipe, device: h100).breakdown()
        var unmeasured = s
        unmeasured.peakAllocatedBytes = nil
        let report = try Validator.validate(profile: h100, steps: [s, unmeasured])
        let row = report.configurations[0]
        #expect(isClose(row.stepTimeError, predicted / 0.25 - 1, absolute: 1e-12))
        #expect(row.predictedPeakBytes == memory.liveTensorBytes)
        #expect(memory.liveTensorBytes < memory.reservedBytes && memory.reservedBytes < memory.totalBytes)
        #expect(isClose(row.memoryError!, Double(memory.liveTensorBytes) / 12e9 - 1, absolute: 1e-12))
        #expect(report.configurations[1].memoryError == nil)
        // The memory MAPE counts only measured peaks.
        #expect(isClose(try #require(report.summary.memoryMAPE), abs(row.memoryError!), absolute: 1e-12))
        #expect(report.summary.configurations == 2 && report.summary.memoryConfigurations == 1)
    }

    /// Every committed GPU measurement file still parses and names a model gansim builds.
    @Test func committedMeasurementsParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("measurements/h100")
        for set in ["fit", "validation"] {
            let dir = root.appendingPathComponent(set)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }
            #expect(files.count == 18 || (set == "fit" && files.count == 12), "\(set): \(files.count) files")
            for file in files {
                let path = dir.appendingPathComponent(file).path
                for step in try MeasuredStepFile.read(path: path) { _ = try step.model.build() }
                if set == "fit" { #expect(try MeasurementFile.read(path: path).count > 10) }
            }
        }
    }
}
