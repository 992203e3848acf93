import Foundation

/// Parses quantities with optional unit suffixes: sizes (`64MiB`), bandwidths (`50GB/s`, `400Gb/s`) and times (`500ns`).
///
/// A bare number is taken in SI base units (bytes, bytes per second, seconds). Decimal
/// prefixes are powers of 1000, binary ones (`Ki`, `Mi`, ...) powers of 1024; in
/// bandwidths a lower-case `b` means bits (`Gb/s`, `Gbps`, `Gbit/s`). Spaces between the
/// number and the unit are allowed. Every error names the field and the value.
///
/// The `parse…` functions only read: a scenario's values are bounded once, by its section's `validate`, with
/// `size`, `bandwidth` and `duration`. `bytes`, `bytesPerSecond`, `seconds` and `usd` read and bound a flag at once.
public enum UnitParser {
    /// A size in bytes, e.g. `64MiB`, `1.5GB`, `4096`, within `size(_:written:field:)`'s bounds (for a flag).
    public static func bytes(_ text: String, field: String) throws -> Double {
        try size(parseBytes(text, field: field), written: text, field: field)
    }

    /// A bandwidth in bytes per second, e.g. `50GB/s`, `400Gb/s`, `12.5e9`, within `bandwidth(_:written:field:)`'s
    /// bounds (for a flag).
    public static func bytesPerSecond(_ text: String, field: String) throws -> Double {
        try bandwidth(parseBytesPerSecond(text, field: field), written: text, field: field)
    }

    /// A duration in seconds, e.g. `500ns`, `1.5us`, `2ms`, `1e-6`, `90min`, `48h`, `2d`, within
    /// `duration(_:written:field:)`'s bounds (for a flag).
    public static func seconds(_ text: String, field: String) throws -> Double {
        try duration(parseSeconds(text, field: field), written: text, field: field)
    }

    /// A size in bytes with its unit applied, unbounded: a scenario reader parses, its section's `validate` bounds.
    public static func parseBytes(_ text: String, field: String) throws -> Double {
        let (number, unit) = try split(text, field: field)
        guard let factor = byteUnits[unit] else {
            throw ConfigurationError(field: field, value: text, reason: "unknown size unit '\(unit)'; use B, kB, MB, GB, TB, KiB, MiB, GiB or TiB")
        }
        return number * factor
    }

    /// A bandwidth in bytes per second with its unit applied, unbounded (see `parseBytes`).
    public static func parseBytesPerSecond(_ text: String, field: String) throws -> Double {
        let (number, rawUnit) = try split(text, field: field)
        var unit = rawUnit
        for suffix in ["/s", "ps"] where unit.hasSuffix(suffix) && unit.count > suffix.count {
            unit = String(unit.dropLast(suffix.count))
            break
        }
        if unit.hasSuffix("bit") { unit = String(unit.dropLast(2)) }
        if rawUnit.isEmpty {
            return number
        } else if !unit.isEmpty, let factor = byteUnits[unit] {
            return number * factor
        } else if unit.hasSuffix("b"), let factor = byteUnits[String(unit.dropLast()) + "B"] {
            return number * factor / 8
        }
        throw ConfigurationError(field: field, value: text, reason: "unknown bandwidth unit '\(rawUnit)'; use e.g. B/s, MB/s, GB/s, GiB/s, Gb/s or Gbps")
    }

    /// A duration in seconds with its unit applied, unbounded (see `parseBytes`).
    public static func parseSeconds(_ text: String, field: String) throws -> Double {
        let (number, unit) = try split(text, field: field)
        guard let perSecond = timeUnitsPerSecond[unit] else {
            throw ConfigurationError(field: field, value: text, reason: "unknown time unit '\(unit)'; use d, h, min, s, ms, us, µs, ns or ps")
        }
        return number / perSecond
    }

    /// The largest size: sizes become whole byte counts (Int) in reports and buckets, which 1 EiB keeps far from overflow.
    public static let maximumBytes: Double = 1_152_921_504_606_846_976

    /// `value` if it is a size: finite, zero or more, at most `maximumBytes`; errors name `field` and `text`, the
    /// value as written.
    public static func size(_ value: Double, written text: String, field: String) throws -> Double {
        let bytes = try nonNegative(value, text: text, field: field)
        guard bytes <= maximumBytes else {
            throw ConfigurationError(field: field, value: text, reason: "must be at most 1 EiB (1152921504606846976 bytes)")
        }
        return bytes
    }

    /// `value` if it is a bandwidth: positive and finite; errors name `field` and `text`, the value as written.
    public static func bandwidth(_ value: Double, written text: String, field: String) throws -> Double {
        guard value > 0 else {
            throw ConfigurationError(field: field, value: text, reason: "bandwidth must be positive")
        }
        return try nonNegative(value, text: text, field: field)
    }

    /// `value` if it is a duration: finite, zero or more; errors name `field` and `text`, the value as written.
    public static func duration(_ value: Double, written text: String, field: String) throws -> Double {
        try nonNegative(value, text: text, field: field)
    }

    /// US dollars, e.g. `20000usd`, `$20000`, `20k USD`, `1.5M`.
    public static func usd(_ text: String, field: String) throws -> Double {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("$") { t.removeFirst() }
        let (number, rawUnit) = try split(t, field: field)
        var unit = rawUnit.lowercased()
        if unit.hasSuffix("usd") { unit = String(unit.dropLast(3)).trimmingCharacters(in: .whitespaces) }
        let scale: [String: Double] = ["": 1, "k": 1e3, "m": 1e6]
        guard let factor = scale[unit] else {
            throw ConfigurationError(field: field, value: text, reason: "expected an amount in US dollars, e.g. 20000usd, $20k or 1.5M")
        }
        return try nonNegative(number * factor, text: text, field: field)
    }

    private static let byteUnits: [String: Double] = [
        "": 1, "B": 1,
        "kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15,
        "KiB": 1024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776,
    ]

    /// Units per second (dividing by an exact power of ten keeps `500ns` exactly 500e-9).
    private static let timeUnitsPerSecond: [String: Double] = [
        "": 1, "s": 1, "ms": 1e3, "us": 1e6, "µs": 1e6, "μs": 1e6, "ns": 1e9, "ps": 1e12,
        "min": 1.0 / 60, "h": 1.0 / 3600, "d": 1.0 / 86400,
    ]

    /// Splits `12.5 GB/s` into 12.5 and `GB/s`.
    private static func split(_ text: String, field: String) throws -> (Double, String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var numberEnd = trimmed.startIndex
        var previous: Character = " "
        for index in trimmed.indices {
            let character = trimmed[index]
            let isNumberPart = character.isASCII && (character.isNumber || character == "." || character == "+" || character == "-"
                || ((character == "e" || character == "E") && previous.isNumber))
            if !isNumberPart { break }
            previous = character
            numberEnd = trimmed.index(after: index)
        }
        let numberText = String(trimmed[..<numberEnd])
        let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces)
        guard let number = Double(numberText), number.isFinite else {
            throw ConfigurationError(field: field, value: text, reason: "expected a number with an optional unit, e.g. 64MiB, 50GB/s or 500ns")
        }
        return (number, unit)
    }

    private static func nonNegative(_ value: Double, text: String, field: String) throws -> Double {
        guard value >= 0, value.isFinite else {
            throw ConfigurationError(field: field, value: text, reason: "must be a finite value, zero or more")
        }
        return value
    }
}
