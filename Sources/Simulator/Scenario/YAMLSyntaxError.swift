import Yams
import InputParsing

/// A YAML syntax error as one `ConfigurationError` line: libyaml's problem, where it was found, and the file.
///
/// Yams' own description spans several lines (the context and a copy of the offending line); a user needs the
/// problem and its position, which `ConfigurationError` already prints.
enum YAMLSyntaxError {
    /// The error for `error` thrown while composing the scenario `file` (its path, or empty for embedded text).
    static func configurationError(_ error: any Error, file: String) -> ConfigurationError {
        let problem: String
        var line: Int?, column: Int?
        switch error as? YamlError {
        case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
             .composer(let context, let text, let mark, _):
            problem = context.map { "\(text) \($0.text)" } ?? text
            line = mark.line
            column = mark.column
        case .reader(let text, let offset, _, _):
            problem = text + (offset.map { " at byte \($0)" } ?? "")
        case .memory:
            problem = "the parser ran out of memory"
        case .dataCouldNotBeDecoded:
            problem = "the text is not UTF-8"
        case .duplicatedKeysInMapping(let duplicates, let context):
            problem = "keys given twice: \(duplicates.joined(separator: ", "))"
            line = context.mark.line
            column = context.mark.column
        default:
            problem = "cannot be parsed"
        }
        return ConfigurationError(
            field: "scenario", value: file.isEmpty ? "(the scenario text)" : file,
            reason: "not valid YAML: \(problem); fix the file at the position given", line: line, column: column)
    }
}
