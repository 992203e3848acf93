import Foundation

/// Deterministic JSON for machine-readable output: sorted keys, pretty-printed.
enum JSONOutput {
    /// Encodes `value` as UTF-8 JSON text with sorted keys.
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
