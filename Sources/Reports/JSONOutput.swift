import Foundation

/// Deterministic JSON for machine-readable output: sorted keys, pretty-printed.
public enum JSONOutput {
    /// Encodes `value` as UTF-8 JSON with sorted keys.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Encodes `value` as JSON text with sorted keys.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}
