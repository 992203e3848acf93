/// A bad input: names the field, the offending value, why it is wrong and, where known, the file position.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field or flag, e.g. `cluster.nodes` or `--bandwidth`.
    public var field: String
    /// The offending value as the user wrote it.
    public var value: String
    /// What is wrong, as a sentence a user can act on.
    public var reason: String
    /// 1-based line in the input file, if the value came from one.
    public var line: Int?
    /// 1-based column in the input file, if the value came from one.
    public var column: Int?

    /// Creates an error for `field` holding `value`.
    public init(field: String, value: String, reason: String, line: Int? = nil, column: Int? = nil) {
        self.field = field
        self.value = value
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// One line: field, value, reason and position.
    public var description: String {
        var text = "\(Self.oneLine(field)) = \(value.isEmpty ? "(empty)" : Self.oneLine(value, limit: 120)): \(Self.oneLine(reason))"
        if let line {
            text += " (line \(line)"
            if let column { text += ", column \(column)" }
            text += ")"
        }
        return text
    }

    /// The same error located at a file position.
    public func located(line: Int?, column: Int?) -> ConfigurationError {
        var copy = self
        copy.line = copy.line ?? line
        copy.column = copy.column ?? column
        return copy
    }

    /// `text` on one line: line breaks and other control characters escaped, and cut to `limit` characters (a value
    /// pasted from a file can hold anything).
    static func oneLine(_ text: String, limit: Int = 2000) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value) {
                    escaped += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped.count > limit ? String(escaped.prefix(limit)) + "... (\(escaped.count) characters)" : escaped
    }
}
