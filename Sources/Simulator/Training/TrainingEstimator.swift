import CostModel

/// The analytic estimate of a training plan: the simulation's schedule on one representative device, without congestion or jitter.
///
/// Every device runs the same priced steps (`StepPattern`), so one device stands for all;
/// each gradient bucket is all-reduced in order on a communication stream in the time
/// `CollectiveTimer` gives (the same schedule and routes as the event simulation, every
/// transfer at its route's full bottleneck bandwidth). Data stalls, bucket overlap with
/// backward, synchronous or stale updates, energy and cost are accounted exactly as in
/// `TrainingSimulation`, so the two agree whenever no link is shared and jitter is off.
/// Plans that split G and D onto separate device groups have no analytic form here and
/// are run through the event simulation.
public enum TrainingEstimator {
    /// Estimates `plan` (its `iterations` iterations, extrapolated to `totalIterations`).
    ///
    /// - Parameters:
    ///   - timer: all-reduce times of the plan's cluster and algorithm.
    ///   - cache: shares priced steps between plans that differ only in the cluster.
    ///   - hostCopyBytesPerSecond: the topology's host-to-device bandwidth, when cached.
    public static func estimate(
        plan: TrainingPlan, name: String, totalIterations: Int, timer: CollectiveTimer, cache: ScenarioCache? = nil,
        hostCopyBytesPerSecond: Double?? = nil
    ) throws -> TrainingResult {
        if plan.generatorDevices != nil {
            return try TrainingSimulation(plan: plan).run(name: name, totalIterations: totalIterations)
        }
        guard plan.iterations >= 1 else {
            throw ConfigurationError(field: "training.iterations", value: "\(plan.iterations)", reason: "simulate at least one iteration")
        }
        let interval = try TrainingSimulation.batchInterval(plan, hostCopyBytesPerSecond: hostCopyBytesPerSecond)
        var pipeline = PrefetchBuffer(intervalSeconds: interval, depth: plan.data.prefetchBatches)
        var free = 0.0, commFree = 0.0, iterationStart = 0.0
        var reductionEnds: [NetworkRole: [Double]] = [:]
        var records: [IterationRecord] = []
        var singleDeviceSeconds: [Double] = []
        var bucketsPerIteration = 0
        let table = cache?.steps(plan: plan)
        for iteration in 0..<plan.iterations {
            let segments = plan.recipe.segments(iteration: iteration)
            let steps = table?.steps(segments: segments) ?? StepPattern.steps(
                segments: segments, builder: WorkItemBuilder(model: plan.model, recipe: plan.recipe),
                roofline: RooflineModel(device: plan.device), bucketBytes: plan.bucketBytes)
            singleDeviceSeconds.append(steps.reduce(0) { $0 + $1.computeSeconds + $1.updateSeconds })
            if iteration == 0 { bucketsPerIteration = steps.reduce(0) { $0 + $1.bucketBytes.count } }
            var compute = 0.0, stall = 0.0, communication = 0.0, activity = 0.0
            for step in steps {
                let start = free
                var shift = 0.0
                for offset in step.dataOffsets {
                    let need = start + shift + offset
                    shift += pipeline.take(need: need) - need
                }
                stall += shift
                compute += step.computeSeconds + step.updateSeconds
                activity += step.activitySeconds
                let computeEnd = start + shift + step.computeSeconds
                for (offset, bytes) in zip(step.bucketOffsets, step.bucketBytes) {
                    commFree = max(start + shift + offset, commFree) + (try timer.seconds(bytes: bytes))
                }
                let stepReductionEnd = step.bucketOffsets.isEmpty ? 0 : commFree
                reductionEnds[step.network, default: []].append(stepReductionEnd)
                let updateStart = max(computeEnd, plan.mode.awaitedReductionEnd(history: reductionEnds[step.network]!))
                communication += updateStart - computeEnd
                free = updateStart + step.updateSeconds
            }
            records.append(IterationRecord.averaging(
                iteration: iteration, startSeconds: iterationStart, endSeconds: free, compute: [compute],
                communication: [communication], stall: [stall], idle: [0], activity: [activity]))
            iterationStart = free
        }
        return TrainingResult(
            plan: plan, name: name, totalIterations: totalIterations, records: records, singleDeviceSeconds: singleDeviceSeconds,
            bucketsPerIteration: bucketsPerIteration, events: 0, flows: 0,
            peakBytesPerDevice: cache?.peakBytes(model: plan.model, recipe: plan.recipe, device: plan.device))
    }
}
