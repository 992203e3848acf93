import InputParsing

/// How often a run checkpoints.
public enum CheckpointInterval: Sendable, Equatable {
    /// The Young–Daly optimum for the run's failure rate and checkpoint cost (`CheckpointedRun.youngDalyIntervalSeconds`).
    case youngDaly
    /// Every this many seconds of training.
    case seconds(Double)

    /// `optimal` (Young–Daly) or a positive duration such as `2h`; errors name `field` and the text.
    public init(parsing text: String, field: String) throws {
        guard text != "optimal" else {
            self = .youngDaly
            return
        }
        let seconds = try UnitParser.seconds(text, field: field)
        guard seconds > 0, seconds.isFinite else {
            throw ConfigurationError(field: field, value: text, reason: "must be a positive duration (e.g. 2h) or optimal (Young–Daly)")
        }
        self = .seconds(seconds)
    }
}
