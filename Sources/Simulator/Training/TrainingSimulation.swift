import CostModel
import Workload

/// The event-driven simulation of a training plan: the training schedule on the congestion-aware flow network.
///
/// Compute between synchronisation points is priced in closed form per device (the
/// recipe's segments through `SegmentPricer`, times a per-block jitter factor from GSL);
/// gradient buckets and the products crossing between separate G and D groups are flows on
/// the event-driven network (`EventCommunicationEngine`). The schedule itself is
/// `TrainingSchedule`, shared with the analytic `TrainingEstimator`.
public final class TrainingSimulation {
    /// The plan being simulated.
    public let plan: TrainingPlan
    private let schedule: TrainingSchedule

    /// Chrome-trace spans recorded during `run`.
    public var trace: [TraceSpan] { schedule.trace }
    /// One record per simulated iteration.
    public var records: [IterationRecord] { schedule.records }

    /// Validates the plan and prepares the network, the collectives and the data pipeline.
    public init(plan: TrainingPlan) throws {
        try plan.validate()
        try SimulationWorkLimit.check(plan)
        self.plan = plan
        let placement = TrainingSchedule.placement(plan)
        let engine = try EventCommunicationEngine(
            topology: plan.topology, groups: try TrainingSchedule.reductionGroups(plan, placement: placement), chunks: plan.chunks)
        let table = ScheduleBlockTable(
            pricer: SegmentPricer(model: plan.model, recipe: plan.recipe, device: plan.device, replicas: placement.replicas),
            placement: placement,
            bucketBytes: plan.bucketBytes)
        schedule = TrainingSchedule(plan: plan, table: table, engine: engine, batchIntervalSeconds: try plan.batchIntervalSeconds())
    }

    /// Runs every iteration and returns the summary; `progress` hears `(done, total)` iterations after each one.
    public func run(name: String, totalIterations: Int, progress: ((Int, Int) -> Void)? = nil) throws -> TrainingResult {
        schedule.progress = progress
        defer { schedule.progress = nil }
        return try schedule.run(name: name, totalIterations: totalIterations).drawingFailures(plan: plan)
    }
}
