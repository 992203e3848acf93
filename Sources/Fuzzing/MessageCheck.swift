import Foundation
import Simulator
import InputParsing

/// Whether an error message is one a user can act on: one line that names what is wrong, without the raw text of
/// Foundation, the decoder or Swift's own descriptions.
public enum MessageCheck {
    /// Fragments that only appear in raw error dumps.
    static let raw = [
        "Error Domain=", "NSCocoaErrorDomain", "NSPOSIXErrorDomain", "UserInfo=", "NSUnderlyingError", "DecodingError",
        "dataCorrupted", "codingPath", "CodingKeys", "Optional(", "Swift.", "The operation could not be completed",
        "couldn’t be", "couldn't be", "scenario = (empty)", "_NSCocoa", "Context(", "debugDescription",
    ]

    /// Nil when `message` is clear, else why not.
    public static func problem(_ message: String, error: any Error) -> String? {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "empty message" }
        // ArgumentParser lists the accepted values of a flag under its one-line message.
        if text.contains("\n") && !(text.hasPrefix("The value '") && text.contains("Please provide one of the following")) {
            return "more than one line"
        }
        if let fragment = raw.first(where: { text.contains($0) }) { return "raw error text (\(fragment))" }
        if let error = error as? ConfigurationError, error.field.isEmpty { return "no field named" }
        if text.count < 12 { return "too short to say what is wrong" }
        return nil
    }
}
