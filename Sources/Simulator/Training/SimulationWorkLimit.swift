import CostModel
import Workload
import InputParsing

/// The event simulation's work for a plan, counted before anything is built, and the refusal of a plan whose
/// simulation would run for minutes or exhaust memory.
///
/// Each iteration reduces every gradient bucket of G once and of D once per D step; each reduction moves up to
/// `CollectiveWorkLimit.estimatedTransfers` transfers, and each device adds its compute blocks. The count is in
/// floating point, so that it cannot overflow, and errs high.
public enum SimulationWorkLimit {
    /// Iterations the event simulation and the estimator run at most: they keep a record per iteration, and more
    /// than the longest lazy-regularisation period (`WorkloadLimits.maximumPeriod`) adds nothing to the steady state.
    public static let maximumIterations = 10_000

    /// Device-iterations the closed-form estimator walks at most for separate G and D groups, where it follows every
    /// device (with G and D on every device it follows one for all).
    public static let maximumEstimatorDeviceIterations = 1_000_000.0

    /// Events (transfers and compute blocks) the simulation of `plan` processes, about.
    public static func estimatedEvents(_ plan: TrainingPlan) -> Double {
        let bucket = max(plan.bucketBytes, 1)
        let gradientBytes = { (graph: Graph) in 4 * Double(graph.parameterCount) }
        let steps = Double(plan.recipe.discriminatorSteps)
        let reductions = (gradientBytes(plan.model.generator) / bucket).rounded(.up) + 1
            + ((gradientBytes(plan.model.discriminator) / bucket).rounded(.up) + 1) * steps
        // nn.DataParallel (one process) reduces every micro-batch's gradients, and copies the parameters from the first
        // device to all others before each block: one flow per device, all sharing the source's links, so the flow
        // network re-shares them at every flow's end (about devices^2 work per copy).
        let singleProcess = plan.device.executionImplementation(for: plan.model.config.architecture, recipe: plan.recipe)?
            .dataParallel == .singleProcess
        let devices = Double(plan.devices)
        let copies = singleProcess && plan.devices > 1 ? (steps + 1) * devices * devices : 0
        let transfers = reductions * (singleProcess ? Double(plan.recipe.accumulation) : 1) * plan.algorithms.map {
            CollectiveWorkLimit.estimatedTransfers(algorithm: $0, devices: plan.devices, chunks: plan.chunks)
        }.max()! + copies
        let blocks = Double(plan.devices) * (steps + 1) * Double(plan.recipe.accumulation) * 4
        return Double(plan.iterations) * (transfers + blocks)
    }

    /// Refuses a plan whose closed-form estimate would walk more than `maximumEstimatorDeviceIterations`.
    public static func checkEstimate(_ plan: TrainingPlan) throws {
        for algorithm in plan.algorithms {
            try CollectiveWorkLimit.checkWalk(algorithm: algorithm, devices: plan.devices, field: "cluster.devices")
        }
        guard plan.generatorDevices != nil else { return }
        let work = Double(plan.iterations) * Double(plan.devices) * Double(plan.recipe.discriminatorSteps + 1) * Double(plan.recipe.accumulation)
        guard work > maximumEstimatorDeviceIterations else { return }
        let fit = Int(maximumEstimatorDeviceIterations / (work / Double(max(plan.iterations, 1))))
        throw ConfigurationError(
            field: "simulate.iterations", value: "\(plan.iterations)",
            reason: "with separate G and D groups the estimate follows each of the \(plan.devices) devices through every step of every iteration, about \(CollectiveWorkLimit.words(work)) steps, more than the \(CollectiveWorkLimit.words(maximumEstimatorDeviceIterations)) it takes; " + (fit >= 1 ? "simulate at most \(fit) iterations" : "use fewer devices or drop mode.generatorDevices"))
    }

    /// Refuses a plan whose event simulation would process more than `CollectiveWorkLimit.maximumSimulationTransfers`
    /// events, naming `simulate.iterations` and what to change.
    public static func check(_ plan: TrainingPlan) throws {
        try checkEstimate(plan)
        let events = estimatedEvents(plan)
        guard events > CollectiveWorkLimit.maximumSimulationTransfers else { return }
        let perIteration = events / Double(max(plan.iterations, 1))
        let fit = Int(CollectiveWorkLimit.maximumSimulationTransfers / perIteration)
        let advice = fit >= 1
            ? "simulate at most \(fit) iterations (the steady state needs about 10; training.* sets the whole run's length)"
            : "use fewer devices, a hierarchical or tree algorithm, larger buckets, or `gansim sweep`, whose closed-form estimator has no such limit"
        throw ConfigurationError(
            field: "simulate.iterations", value: "\(plan.iterations)",
            reason: "the event simulation of \(plan.devices) devices (\(plan.algorithms.map(\.rawValue).joined(separator: " or "))) would process about \(CollectiveWorkLimit.words(events)) events, more than the \(CollectiveWorkLimit.words(CollectiveWorkLimit.maximumSimulationTransfers)) it runs (a minute or two); \(advice)")
    }
}
