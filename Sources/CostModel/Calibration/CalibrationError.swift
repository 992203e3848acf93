import Workload
/// Why measurements could not be read or fitted, with the place to look.
public enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field of a measurement record is missing or wrong.
    case badMeasurement(file: String, line: Int, field: String, value: String, reason: String)
    /// The file cannot be read or has no op records.
    case unusableFile(file: String, reason: String)
    /// A profile file that does not decode.
    case badProfile(file: String, reason: String)
    /// A profile file that decodes but cannot be used as given (a second profile of one device, a device the run does not use).
    case unusableProfile(file: String, reason: String)

    public var description: String {
        let text: String = switch self {
        case .badMeasurement(let file, let line, let field, let value, let reason):
            "\(file):\(line): field '\(field)' \(value.isEmpty ? "" : "= '\(value)' ")\(reason)"
        case .unusableFile(let file, let reason):
            "\(file): \(reason)"
        case .badProfile(let file, let reason):
            "\(file): not a device profile: \(reason)"
        case .unusableProfile(let file, let reason):
            "\(file): \(reason)"
        }
        // Values come from files that can hold anything: one line, control characters escaped, long values cut.
        var line = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += "\\n" } else if scalar == "\r" { line += "\\r" } else if scalar.value < 0x20 || scalar.value == 0x7F {
                line += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        return line.count > 600 ? String(line.prefix(600)) + "... (\(line.count) characters)" : line
    }
}