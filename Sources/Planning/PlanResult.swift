/// The planner's answer: recommendations, the runners-up and why they lost, and the search behind them.
public struct PlanResult: Sendable, Codable, Equatable {
    /// The model planned, e.g. `biggan-256`.
    public var model: String
    /// Iterations of the run at the requested global batch.
    public var iterations: Int
    public var globalBatch: Int
    public var deadlineSeconds: Double?
    public var budgetUSD: Double?
    /// The cheapest configuration that meets the deadline (the cheapest overall without one).
    public var cheapestMeetingDeadline: PlanChoice?
    /// The fastest configuration within the budget (the fastest overall without one).
    public var fastestWithinBudget: PlanChoice?
    /// Why nothing was recommended, when that happens.
    public var notes: [String]
    /// Best configuration per cluster kind that lost, with the reason.
    public var runnersUp: [RunnerUp]
    /// Configurations searched, fitting in memory, out of memory, and confirmed by event simulation.
    public var searched: Int, fitting: Int, outOfMemory: Int, confirmed: Int
}
