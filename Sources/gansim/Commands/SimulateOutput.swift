import Foundation
import Simulator

/// Writes the files of `gansim simulate --out DIR` atomically (temporary file, then rename).
enum SimulateOutput {
    /// Writes `result.json`, `iterations.csv` and `trace.json` into `directory`.
    static func write(result: TrainingResult, records: [IterationRecord], trace: [TraceSpan], to directory: String) throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(field: "--out", value: directory, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try atomicWrite(try encoder.encode(result), to: url.appendingPathComponent("result.json"))
        let csv = ([IterationRecord.csvHeader] + records.map(\.csvRow)).joined(separator: "\n") + "\n"
        try atomicWrite(Data(csv.utf8), to: url.appendingPathComponent("iterations.csv"))
        struct ChromeTrace: Encodable {
            var traceEvents: [TraceSpan]
            var displayTimeUnit = "ms"
        }
        encoder.outputFormatting = [.sortedKeys]
        try atomicWrite(try encoder.encode(ChromeTrace(traceEvents: trace)), to: url.appendingPathComponent("trace.json"))
    }

    /// Writes `data` to a temporary file beside `url`, then renames it into place
    /// (Foundation's atomic write). `FileManager.replaceItemAt` is not used: on Linux it
    /// deletes an existing file and then fails, losing it.
    static func atomicWrite(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: .atomic)
    }
}
