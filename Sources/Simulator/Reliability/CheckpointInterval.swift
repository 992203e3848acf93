import InputParsing

/// How often a run checkpoints.
public enum CheckpointInterval: Sendable, Equatable {
    /// The Young–Daly optimum for the run's failure rate and checkpoint cost (`CheckpointedRun.youngDalyIntervalSeconds`).
    case youngDaly
    /// Every this many seconds of training.
    case seconds(Double)

    /// `optimal` (Young–Daly) or a positive duration such as `2h`, as a flag gives it; errors name `field` and the text.
    public init(parsing text: String, field: String) throws {
        self = try Self(reading: text, field: field)
        try check(written: text, field: field)
    }

    /// `optimal` or a duration with its unit applied, unbounded: a scenario's reader parses, `check` bounds it.
    init(reading text: String, field: String) throws {
        self = text == "optimal" ? .youngDaly : .seconds(try UnitParser.parseSeconds(text, field: field))
    }

    /// Throws unless a duration is positive and finite; errors name `field` and `text`, the value as written.
    func check(written text: String, field: String) throws {
        guard case .seconds(let seconds) = self else { return }
        _ = try UnitParser.duration(seconds, written: text, field: field)
        guard seconds > 0 else {
            throw ConfigurationError(field: field, value: text, reason: "must be a positive duration (e.g. 2h) or optimal (Young–Daly)")
        }
    }
}
