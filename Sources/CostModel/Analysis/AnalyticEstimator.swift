/// Prices a training iteration on one device by summing roofline times of its work items.
///
/// This is the congestion-free, single-device core that the simulator reuses per device
/// and that sweeps evaluate thousands of times.
public struct AnalyticEstimator: Sendable {
    public let model: GANModel
    public let recipe: TrainingRecipe
    public let device: DeviceProfile

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

    /// The iteration estimate, averaged over the lazy-regularisation period.
    public func estimate() -> IterationEstimate {
        let roofline = RooflineModel(device: device)
        let period = recipe.period
        var seconds = 0.0, flops = 0.0, bytes = 0.0, update = 0.0, items = 0.0
        var phases: [String: Double] = [:]
        for iteration in 0..<period {
            for item in recipe.workItems(for: model, iteration: iteration) {
                let t = roofline.seconds(item)
                seconds += t
                flops += Double(item.cost.flops)
                bytes += Double(item.cost.bytes)
                items += 1
                if item.opID == nil { update += t } else { phases[item.phase.rawValue, default: 0] += t }
            }
        }
        let p = Double(period)
        let perIteration = seconds / p
        let peak = device.matrixPeak(recipe.precision.precision) ?? device.vectorPeakFLOPS
        return IterationEstimate(
            seconds: perIteration, flops: flops / p, bytes: bytes / p,
            phaseSeconds: phases.mapValues { $0 / p }, updateSeconds: update / p, workItems: items / p,
            samplesPerSecond: Double(recipe.samplesPerStep) / perIteration,
            utilization: flops / p / perIteration / peak)
    }
}
