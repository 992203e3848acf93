/// The best configuration of a cluster kind that was not recommended, and why it lost.
public struct RunnerUp: Sendable, Codable, Equatable {
    /// Cluster kind.
    public var family: String
    /// Its best configuration, if any fits in memory.
    public var best: PlanChoice?
    /// Why it lost: out of memory, misses the deadline, over budget, dearer, poor scaling.
    public var reason: String
}
