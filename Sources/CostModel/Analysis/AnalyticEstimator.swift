/// Prices a training iteration on one device by summing roofline times of its work items.
///
/// This is the congestion-free, single-device core that the simulator reuses per device
/// and that sweeps evaluate thousands of times: segments that repeat (the same pass of
/// the same network at the same batch) are priced once.
public struct AnalyticEstimator: Sendable {
    public let model: GANModel
    public let recipe: TrainingRecipe
    public let device: DeviceProfile

    /// The totals of one segment.
    struct SegmentTotals {
        var seconds = 0.0, flops = 0.0, bytes = 0.0, items = 0.0
    }

    /// Checks that the device runs the recipe's precision.
    public init(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile) throws(ModelError) {
        try recipe.validate()
        guard device.matrixPeak(recipe.precision.precision) != nil else {
            throw .unsupported(field: "precision", value: recipe.precision.precision.rawValue,
                               accepted: device.supportedPrecisions.map(\.rawValue).map { "\($0) (on \(device.name))" })
        }
        self.model = model
        self.recipe = recipe
        self.device = device
    }

    /// Elements of real data D takes per iteration: a batch per D step and micro-batch.
    public var inputElementsPerIteration: Int {
        recipe.discriminatorSteps * recipe.accumulation * recipe.batchPerDevice
            * (model.discriminator.inputs.first?.outputShape.elementCount ?? 0)
    }

    /// The iteration estimate, averaged over the lazy-regularisation period.
    public func estimate() -> IterationEstimate {
        let roofline = RooflineModel(device: device)
        let builder = WorkItemBuilder(model: model, recipe: recipe)
        var cache: [RecipeSegment: SegmentTotals] = [:]
        let period = recipe.period
        var total = SegmentTotals(), update = 0.0
        var phases: [String: Double] = [:]
        for iteration in 0..<period {
            for segment in recipe.segments(iteration: iteration) {
                // Only what changes the work is part of the key.
                let key = RecipeSegment(phase: .generator, network: segment.network, kind: segment.kind,
                                        batch: segment.batch, step: 0, microBatch: 0, finishesGradients: false)
                let t: SegmentTotals
                if let hit = cache[key] {
                    t = hit
                } else {
                    var s = SegmentTotals()
                    for item in builder.items(for: key) {
                        s.seconds += roofline.seconds(item)
                        s.flops += Double(item.cost.flops)
                        s.bytes += Double(item.cost.bytes)
                        s.items += 1
                    }
                    cache[key] = s
                    t = s
                }
                total.seconds += t.seconds
                total.flops += t.flops
                total.bytes += t.bytes
                total.items += t.items
                switch segment.kind {
                case .update, .ema: update += t.seconds
                case .forward, .backward: phases[segment.phase.rawValue, default: 0] += t.seconds
                }
            }
        }
        let p = Double(period)
        let overhead = (device.iterationOverheadSeconds ?? 0)
            + (device.inputSecondsPerElement ?? 0) * Double(inputElementsPerIteration)
        let perIteration = total.seconds / p + overhead
        let peak = device.matrixPeak(recipe.precision.precision) ?? device.vectorPeakFLOPS
        return IterationEstimate(
            seconds: perIteration, flops: total.flops / p, bytes: total.bytes / p,
            phaseSeconds: phases.mapValues { $0 / p }, updateSeconds: update / p + overhead, workItems: total.items / p,
            samplesPerSecond: Double(recipe.samplesPerStep) / perIteration,
            utilization: total.flops / p / perIteration / peak)
    }
}
