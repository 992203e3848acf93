import CostModel
import Workload

/// The analytic estimate of a training plan: the training schedule with the closed-form communication engine.
///
/// The same `TrainingSchedule` as `TrainingSimulation`, on `AnalyticCommunicationEngine`:
/// every reduction in the time `CollectiveTimer` gives and every transfer at its route's
/// full bandwidth, and no per-step jitter or stragglers: so the two agree whenever no link is shared and those are
/// off. With G and D on every device every device runs the same timeline, and one device stands for all, at the
/// slowest device's speed where the devices' speeds differ for the whole run
/// (`JitterSpec.deviceCoefficientOfVariation`). Sweeps and the planner evaluate thousands of plans through it.
public enum TrainingEstimator {
    /// Estimates `plan` (its `iterations` iterations, extrapolated to `totalIterations`).
    ///
    /// - Parameters:
    ///   - timer: all-reduce times of the plan's cluster and algorithms over its first ranks (nil: built here).
    ///   - cache: shares priced blocks and memory between plans that differ only in the cluster.
    ///   - hostCopyBytesPerSecond: the topology's host-to-device bandwidth, when cached.
    ///   - routes: the topology's routes, shared between plans on it (nil: found here).
    static func estimate(
        plan: TrainingPlan, name: String, totalIterations: Int, timer: CollectiveTimer? = nil, cache: ScenarioCache? = nil,
        hostCopyBytesPerSecond: Double?? = nil, routes: SharedRouteTable? = nil
    ) throws -> TrainingResult {
        try plan.validate(topology: cache == nil)
        var plan = plan
        plan.jitter = JitterSpec(deviceCoefficientOfVariation: plan.jitter.deviceCoefficientOfVariation)
        plan.traceIterations = 0  // an estimate has no trace
        let placement = TrainingSchedule.placement(plan)
        let timers: [CollectiveTimer]
        if let timer, !placement.isSplit {
            timers = [timer]
        } else {
            var routes = RouteTable(topology: plan.topology)
            timers = try TrainingSchedule.reductionGroups(plan, placement: placement).map { candidates in
                CollectiveTimer.fastest(of: try candidates.map { try CollectiveTimer(routes: &routes, group: $0, chunks: plan.chunks) })
            }
        }
        let engine = AnalyticCommunicationEngine(topology: plan.topology, timers: timers, routes: routes)
        let table = cache?.blocks(plan: plan, placement: placement) ?? ScheduleBlockTable(
            pricer: SegmentPricer(model: plan.model, recipe: plan.recipe, device: plan.device, replicas: placement.replicas), placement: placement,
            bucketBytes: plan.bucketBytes)
        let schedule = TrainingSchedule(
            plan: plan, table: table, engine: engine,
            batchIntervalSeconds: try plan.batchIntervalSeconds(hostCopyBytesPerSecond: hostCopyBytesPerSecond), representative: true)
        return try schedule.run(
            name: name, totalIterations: totalIterations,
            memory: cache?.memory(model: plan.model, recipe: plan.recipe, device: plan.device))
    }
}
