/// One line of the per-step timing file.
public struct StepRecord: Codable, Sendable {
    public var type = "step"
    public var step: Int
    public var seconds: Double
    public var discriminatorLoss: Double
    public var generatorLoss: Double
    /// Whether the step counts for the statistics (after warm-up).
    public var timed: Bool
    public var threads: Int
    public var batch: Int
    public var precision: String
}
