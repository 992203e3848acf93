import CostModel
import Foundation
import Simulator
import Workload

/// Reads whole-run timing files: CSV with a header row, `#` comment lines, one training run per row.
///
/// Columns (any order; names as below):
/// - `resolution`, `gpus`, `batch_per_gpu`: required whole numbers > 0; `total_batch`, if present, must equal
///   `gpus * batch_per_gpu` (one round per iteration, no accumulation).
/// - time: `sec_per_kimg` (seconds per 1000 real images), or `sec_per_kimg_lo` and `sec_per_kimg_hi` (a published
///   range; the midpoint is used), or `sec_per_iter`.
/// - `gpu_mem_gb`: optional peak of live tensors per GPU in GiB (`max_memory_allocated / 2**30`).
/// - `architecture`, `preset`, `topology` (a server-based cluster kind, e.g. `dgx1-v100`), `precision`: optional per
///   row; rows without them take the defaults the
///   caller gives (`gansim validate --runs FILE --architecture stylegan2 --preset auto --topology dgx1-v100 ...`).
/// Provenance belongs in the comment lines.
public enum PublishedRunFile {
    /// Values for the columns a file leaves out.
    public struct Defaults: Sendable {
        public var architecture: String?
        public var preset: String?
        public var topology: String?
        public var precision: String?

        public init(architecture: String? = nil, preset: String? = nil, topology: String? = nil, precision: String? = nil) {
            self.architecture = architecture
            self.preset = preset
            self.topology = topology
            self.precision = precision
        }
    }

    /// The runs of the file at `path`, in file order.
    public static func read(path: String, defaults: Defaults) throws(CalibrationError) -> [PublishedRun] {
        try parse(MeasurementFile.contents(path: path), file: path, defaults: defaults)
    }

    /// The runs of `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String, defaults: Defaults) throws(CalibrationError) -> [PublishedRun] {
        var header: [String]?
        var runs: [PublishedRun] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let names = header else {
                if let repeated = Dictionary(grouping: cells, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                    throw .badMeasurement(file: file, line: index + 1, field: "(header)", value: repeated,
                                          reason: "names the column '\(repeated)' twice; give each column once")
                }
                header = cells
                for required in ["resolution", "gpus", "batch_per_gpu"] where !cells.contains(required) {
                    throw .badMeasurement(file: file, line: index + 1, field: required, value: "",
                                          reason: "is a required column (header: \(cells.joined(separator: ",")))")
                }
                continue
            }
            guard cells.count == names.count else {
                throw .badMeasurement(file: file, line: index + 1, field: "(row)", value: "\(cells.count) cells",
                                      reason: "the header has \(names.count) columns")
            }
            runs.append(try run(Dictionary(uniqueKeysWithValues: zip(names, cells)), file: file, line: index + 1, defaults: defaults))
        }
        guard !runs.isEmpty else { throw .unusableFile(file: file, reason: "has no runs (a header row and one row per run)") }
        return runs
    }

    private static func run(_ row: [String: String], file: String, line: Int, defaults: Defaults) throws(CalibrationError) -> PublishedRun {
        func fail(_ field: String, _ reason: String) -> CalibrationError {
            .badMeasurement(file: file, line: line, field: field, value: row[field] ?? "", reason: reason)
        }
        // The largest values any field takes: products of two of them (gpus x batch) cannot overflow.
        let limits = ["resolution": WorkloadLimits.maximumResolution, "gpus": 65_536, "batch_per_gpu": WorkloadLimits.maximumBatch,
                      "total_batch": 65_536 * WorkloadLimits.maximumBatch]
        func positiveInt(_ field: String) throws(CalibrationError) -> Int {
            guard let value = Int(row[field] ?? ""), value > 0 else { throw fail(field, "must be a whole number > 0") }
            if let limit = limits[field], value > limit { throw fail(field, "must be at most \(limit)") }
            return value
        }
        func positiveDouble(_ field: String) throws(CalibrationError) -> Double? {
            guard let text = row[field], !text.isEmpty else { return nil }
            guard let value = Double(text), value > 0, value.isFinite else { throw fail(field, "must be a number > 0") }
            return value
        }
        func text(_ field: String, _ fallback: String?) throws(CalibrationError) -> String {
            if let value = row[field], !value.isEmpty { return value }
            guard let fallback else { throw fail(field, "is neither a column of the file nor given as a default (--\(field))") }
            return fallback
        }
        let resolution = try positiveInt("resolution"), gpus = try positiveInt("gpus"), batch = try positiveInt("batch_per_gpu")
        if row["total_batch"] != nil {
            let total = try positiveInt("total_batch")
            guard total == gpus * batch else { throw fail("total_batch", "must be gpus x batch_per_gpu = \(gpus * batch)") }
        }
        let architectureName = try text("architecture", defaults.architecture)
        guard let architecture = Architecture(rawValue: architectureName) else {
            throw fail("architecture", "must be one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let precisionName = try text("precision", defaults.precision ?? "fp32")
        guard let precision = Precision(rawValue: precisionName) else {
            throw fail("precision", "must be one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let preset = row["preset"].flatMap { $0.isEmpty ? nil : $0 } ?? defaults.preset
        let model = ModelConfig(architecture: architecture, resolution: resolution, preset: preset)
        do { _ = try model.build() } catch { throw fail("resolution", "\(error)") }
        var range: [Double]?
        let secondsPerKimg: Double
        if let value = try positiveDouble("sec_per_kimg") {
            secondsPerKimg = value
        } else if let low = try positiveDouble("sec_per_kimg_lo"), let high = try positiveDouble("sec_per_kimg_hi") {
            guard low <= high else { throw fail("sec_per_kimg_hi", "must be at least sec_per_kimg_lo") }
            range = [low, high]
            secondsPerKimg = (low + high) / 2
        } else if let perIteration = try positiveDouble("sec_per_iter") {
            secondsPerKimg = perIteration * 1000 / Double(gpus * batch)
        } else {
            throw fail("sec_per_kimg", "give sec_per_kimg, sec_per_kimg_lo and sec_per_kimg_hi, or sec_per_iter")
        }
        if let gib = try positiveDouble("gpu_mem_gb"), gib > 1_000_000 { throw fail("gpu_mem_gb", "must be at most 1000000 (GiB)") }
        let peak = try positiveDouble("gpu_mem_gb").map { Int(($0 * 1_073_741_824).rounded()) }
        let topology = try text("topology", defaults.topology)
        guard let kind = TopologyKind(rawValue: topology), kind.server != nil else {
            throw .badMeasurement(file: file, line: line, field: "topology", value: topology, reason: "must be a server-based cluster kind: "
                + TopologyKind.allCases.filter { $0.server != nil }.map(\.rawValue).joined(separator: ", "))
        }
        return PublishedRun(
            source: "\(file):\(line)", model: model, precision: precision, topology: kind,
            gpus: gpus, batchPerGPU: batch, secondsPerKimg: secondsPerKimg, secondsPerKimgRange: range, peakAllocatedBytes: peak)
    }
}
