import CostModel
import Workload
import Foundation

/// Reads the whole-step records of measurement files written by scripts/measure_graph.py.
///
/// A step record is a JSON line with `type: "step"`, `config` (the exported `ModelConfig`,
/// e.g. `{"architecture": "biggan", "resolution": 256}`), `batch` (integer > 0),
/// `stepSeconds` (number > 0), optional `precision` (default `fp32`) and optional
/// `peakAllocatedBytes`. Other records (provenance, ops) are skipped.
public enum MeasuredStepFile {
    /// The step records of the file at `path`, in file order.
    public static func read(path: String) throws(CalibrationError) -> [MeasuredStep] {
        try parse(MeasurementFile.contents(path: path), file: path)
    }

    /// The step records of `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(CalibrationError) -> [MeasuredStep] {
        var steps: [MeasuredStep] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw .badMeasurement(file: file, line: i + 1, field: "(record)", value: "", reason: "is not a JSON object")
            }
            guard object["type"] as? String == "step" else { continue }
            steps.append(try step(object, file: file, line: i + 1))
        }
        guard !steps.isEmpty else { throw .unusableFile(file: file, reason: "has no step records") }
        return steps
    }

    private static func step(_ object: [String: Any], file: String, line: Int) throws(CalibrationError)
        -> MeasuredStep
    {
        func fail(_ field: String, _ value: Any?, _ reason: String) -> CalibrationError {
            .badMeasurement(file: file, line: line, field: field, value: value.map { "\($0)" } ?? "", reason: reason)
        }
        guard let configObject = object["config"] as? [String: Any] else {
            throw fail("config", object["config"], "must be the exported model configuration (an object)")
        }
        let model: ModelConfig
        do {
            let data = try JSONSerialization.data(withJSONObject: configObject, options: [.sortedKeys])
            model = try JSONDecoder().decode(ModelConfig.self, from: data)
        } catch {
            throw fail("config", configObject["architecture"], "is not a model configuration gansim knows")
        }
        guard let batch = object["batch"] as? Int, batch > 0, batch <= WorkloadLimits.maximumBatch else {
            throw fail("batch", object["batch"], "must be a whole number from 1 to \(WorkloadLimits.maximumBatch)")
        }
        do { try WorkloadLimits.check(model) } catch {
            throw fail("config", configObject["architecture"], "\(error)")
        }
        guard let seconds = (object["stepSeconds"] as? NSNumber)?.doubleValue, seconds > 0, seconds.isFinite else {
            throw fail("stepSeconds", object["stepSeconds"], "must be a number of seconds > 0")
        }
        let precisionName = object["precision"] as? String ?? "fp32"
        guard let precision = Precision(rawValue: precisionName) else {
            throw fail("precision", precisionName, "must be one of "
                + Precision.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var peak: Int? = nil
        if let value = object["peakAllocatedBytes"] {
            guard let bytes = value as? Int, bytes > 0 else {
                throw fail("peakAllocatedBytes", value, "must be a whole number of bytes > 0")
            }
            peak = bytes
        }
        return MeasuredStep(model: model, batch: batch, precision: precision, stepSeconds: seconds,
                            peakAllocatedBytes: peak, source: "\(file):\(line)")
    }
}
