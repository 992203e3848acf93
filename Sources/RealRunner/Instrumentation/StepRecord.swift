/// One line of the per-step timing file.
public struct StepRecord: Codable, Sendable {
    public var type = "step"
    public var step: Int
    public var seconds: Double
    /// CPU seconds the process spent in the step (all its threads): on one thread, the
    /// step's time with what other processes took of the core left out.
    public var cpuSeconds: Double?
    public var discriminatorLoss: Double
    public var generatorLoss: Double
    /// Whether the step counts for the statistics (after warm-up).
    public var timed: Bool
    public var threads: Int
    public var batch: Int
    public var precision: String
}
