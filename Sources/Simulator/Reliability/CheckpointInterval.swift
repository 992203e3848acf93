/// How often a run checkpoints.
public enum CheckpointInterval: Sendable, Equatable {
    /// The Young–Daly optimum for the run's failure rate and checkpoint cost (`CheckpointedRun.youngDalyIntervalSeconds`).
    case youngDaly
    /// Every this many seconds of training.
    case seconds(Double)
}
