import Workload
import Foundation

/// Reads op timings from a JSON-lines or CSV file (the format `gansim train` writes and
/// `scripts/measure_graph.py` produces on any PyTorch device).
///
/// Each record is one op pass. Fields (JSON keys, or CSV header names):
/// - `kind` (string, required): the op kind, e.g. `conv2d`, `batch_norm`, `relu`
///   (`OpKind.name`); or `opClass`: `matmul`, `convolution`, `normalization`,
///   `elementwise`, `attention`, `update`.
/// - `flops` (integer >= 0, required).
/// - `executedFlops` (optional, integer >= 0): the FLOPs the kernels executed, where they
///   padded the work (`gansim train` writes it: oneDNN's channel blocks,
///   `ConvolutionLayout.executedFlops`); calibration prices these in place of `flops`.
/// - `bytesRead` and `bytesWritten` (integers >= 0), or `bytes`.
/// - `medianSeconds` or `seconds` (number > 0, required).
/// - `precision` (optional, default `fp32`).
/// - `threads` (optional): CPU threads the pass ran on (`gansim train` writes 1 for
///   passes it ran inline in a multi-threaded run, see `ThreadSplit`); absent means all cores.
/// - `columnBytes` (optional, integer >= 0): bytes the pass moved on a CPU besides its own,
///   converting a convolution's tensors to and from oneDNN's layouts (`gansim train` writes
///   it; see `ConvolutionLayout`), or building an im2col column matrix in files written by
///   gansim's earlier trainer.
/// - `columnSegments` (optional, integer >= 0): the contiguous segments those bytes were
///   copied in, where each costs a loop step (the earlier trainer's column-matrix rows;
///   `gansim train` now writes 0).
/// - `callsPerIteration` (optional, integer >= 1): the seconds are the sum of this many
///   executions of the pass (e.g. D's forward with nDisc 2), so one takes `seconds / calls`.
/// - `pass` (optional): `forward` (default) or `backward`; a transcendental's backward is
///   fitted as `elementwise` (`OpClass.pricing(forward:)`).
/// - `type` (optional): records whose type is not `op` (e.g. `step`) are skipped.
/// Blank lines and lines starting with `#` are ignored.
public enum MeasurementFile {
    /// Parses the file at `path`.
    public static func read(path: String) throws(CalibrationError) -> [TimingSample] {
        try parse(contents(path: path), file: path)
    }

    /// The text of the measurement file at `path`.
    public static func contents(path: String) throws(CalibrationError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unusableFile(file: path, reason: "no such file; check the path")
        }
        guard !isFolder.boolValue else { throw .unusableFile(file: path, reason: "is a folder; give a measurement file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unusableFile(file: path, reason: "cannot be read; check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unusableFile(file: path, reason: "is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// Parses measurement text; `file` names it in errors. CSV if the first record line
    /// does not start with `{`.
    public static func parse(_ text: String, file: String) throws(CalibrationError) -> [TimingSample] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstContent = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
        guard let first = firstContent else { throw .unusableFile(file: file, reason: "has no records") }
        var samples: [TimingSample] = []
        if first.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
            for (i, raw) in lines.enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let data = line.data(using: .utf8),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                else {
                    throw .badMeasurement(file: file, line: i + 1, field: "(record)", value: "",
                                          reason: "is not a JSON object")
                }
                let fields = object.mapValues { value -> String in
                    if let s = value as? String { return s }
                    if let n = value as? NSNumber { return n.stringValue }
                    return "\(value)"
                }
                if let s = try sample(fields, file: file, line: i + 1) { samples.append(s) }
            }
        } else {
            var header: [String]? = nil
            for (i, raw) in lines.enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard let h = header else {
                    if let repeated = Dictionary(grouping: cells, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                        throw .badMeasurement(file: file, line: i + 1, field: "(header)", value: repeated,
                                              reason: "names the column '\(repeated)' twice; give each column once")
                    }
                    header = cells
                    continue
                }
                guard cells.count == h.count else {
                    throw .badMeasurement(file: file, line: i + 1, field: "(record)", value: "",
                                          reason: "has \(cells.count) cells but the header has \(h.count)")
                }
                if let s = try sample(Dictionary(uniqueKeysWithValues: zip(h, cells)), file: file, line: i + 1) {
                    samples.append(s)
                }
            }
        }
        guard !samples.isEmpty else { throw .unusableFile(file: file, reason: "has no op records") }
        return samples
    }

    /// One record, or nil if it is not an op record.
    private static func sample(_ f: [String: String], file: String, line: Int) throws(CalibrationError) -> TimingSample? {
        if let type = f["type"], !type.isEmpty, type != "op" { return nil }
        func fail(_ field: String, _ value: String, _ reason: String) -> CalibrationError {
            .badMeasurement(file: file, line: line, field: field, value: value, reason: reason)
        }
        func integer(_ key: String) throws(CalibrationError) -> Int? {
            guard let v = f[key], !v.isEmpty else { return nil }
            // Counts up to 2^53 (any FLOP or byte count of one pass): sums of two cannot overflow.
            guard let n = Int(v) ?? Double(v).flatMap({ $0.rounded() == $0 ? Int(exactly: $0) : nil }), n >= 0, n <= 1 << 53 else {
                throw fail(key, v, "must be a whole number from 0 to 2^53")
            }
            return n
        }
        let kind = f["kind"] ?? ""
        var opClass: OpClass
        if let c = f["opClass"], !c.isEmpty {
            guard let parsed = OpClass(rawValue: c) else {
                throw fail("opClass", c, "is not one of \(OpClass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            opClass = parsed
        } else if kind.isEmpty {
            throw fail("kind", "", "is missing (give the op kind or opClass)")
        } else if let parsed = OpClass.forKindName(kind) {
            opClass = parsed
        } else {
            throw fail("kind", kind, "is not an op kind gansim knows")
        }
        let pass = f["pass"] ?? ""
        let forward = pass.isEmpty || pass == "forward"
        opClass = opClass.pricing(forward: forward)
        guard let nominal = try integer("flops") else { throw fail("flops", "", "is missing") }
        let flops = try integer("executedFlops") ?? nominal
        let bytes: Int
        if let b = try integer("bytes") {
            bytes = b
        } else if let r = try integer("bytesRead"), let w = try integer("bytesWritten") {
            bytes = r + w
        } else {
            throw fail("bytesRead", "", "is missing (give bytesRead and bytesWritten, or bytes)")
        }
        let secondsKey = f["medianSeconds"] != nil ? "medianSeconds" : "seconds"
        guard let text = f[secondsKey], !text.isEmpty else { throw fail("seconds", "", "is missing") }
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw fail(secondsKey, text, "must be a positive number of seconds")
        }
        var precision = Precision.fp32
        if let p = f["precision"], !p.isEmpty {
            guard let parsed = Precision(rawValue: p) else {
                throw fail("precision", p, "is not one of fp32, tf32, fp16, bf16")
            }
            precision = parsed
        }
        let threads = try integer("threads") ?? 0
        let columnBytes = try integer("columnBytes") ?? 0
        let columnSegments = try integer("columnSegments") ?? 0
        let calls = try integer("callsPerIteration") ?? 1
        guard calls >= 1 else { throw fail("callsPerIteration", "\(calls)", "must be at least 1") }
        return TimingSample(opClass: opClass, kind: kind.isEmpty ? opClass.rawValue : kind, flops: flops,
                            bytes: bytes, precision: precision, seconds: seconds / Double(calls), threads: threads,
                            line: line, columnBytes: columnBytes, columnSegments: columnSegments)
    }
}
