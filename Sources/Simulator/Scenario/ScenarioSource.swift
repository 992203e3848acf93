/// Where a scenario field or section was written: its text, line and column, and its place in its section.
///
/// Errors found while composing a scenario name the field's value and line through it. A field set by a sweep or the
/// planner was written nowhere: its line and column are nil, as its text is where a sweep gave one.
struct ScenarioSource: Sendable {
    /// The value as written (empty for a section).
    var text: String
    var line: Int?
    var column: Int?
    /// Position among its section's keys (fields a sweep adds come after the file's).
    var order: Int
    /// The command-line flag that gave the value (nil: the file, a sweep or the planner did); errors name it.
    var flag: String?
}
