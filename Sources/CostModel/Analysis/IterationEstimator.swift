import Workload
/// The single-device estimate of a training iteration: the recipe's segments priced by `SegmentPricer`, averaged over the
/// lazy-regularisation period.
///
/// This is what `inspect` and `validate` report; the simulator's schedule on one device with a
/// data pipeline that never stalls gives the same iteration time (tests hold the two to 1e-9).
public struct IterationEstimator {
    public let model: GANModel
    public let recipe: TrainingRecipe
    public let device: DeviceProfile
    private let pricer: SegmentPricer

    /// Checks the recipe and that the device runs its precision.
    public init(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile) throws(ModelError) {
        try Self.check(model: model, recipe: recipe, device: device)
        self.model = model
        self.recipe = recipe
        self.device = device
        pricer = SegmentPricer(model: model, recipe: recipe, device: device)
    }

    /// The one check of a model and recipe against a device: valid fields, a precision the device runs, an
    /// implementation the recipe names that trains the architecture on this kind of device, and, where the profile has
    /// a GPU execution model, an implementation profile it was fitted to.
    public static func check(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile) throws(ModelError) {
        try recipe.validate()
        guard device.matrixPeak(recipe.precision.precision) != nil else {
            throw .unsupported(field: "precision", value: recipe.precision.precision.rawValue,
                               accepted: device.supportedPrecisions.map(\.rawValue).map { "\($0) (on \(device.name))" })
        }
        if let execution = device.execution { _ = try ImplementationProfile.named(execution.implementation) }
        if let name = recipe.implementation {
            let implementation = try ImplementationProfile.named(name)
            if let refusal = implementation.refusal(architecture: model.config.architecture, device: device.kind) {
                throw .invalid(field: "implementation", value: name, expected: "an implementation that fits: \(refusal)")
            }
        }
    }

    /// Elements of real data D takes per iteration: a batch per D step and micro-batch.
    public var inputElementsPerIteration: Int { pricer.inputElementsPerIteration }

    /// The iteration estimate, averaged over the lazy-regularisation period.
    public func estimate() -> IterationEstimate {
        let period = recipe.period
        var seconds = 0.0, flops = 0.0, bytes = 0.0, items = 0.0, update = 0.0, kernels = 0.0
        var phases: [String: Double] = [:]
        for iteration in 0..<period {
            for segment in recipe.segments(iteration: iteration) {
                let t = pricer.price(segment)
                seconds += t.seconds
                flops += t.flops
                bytes += t.bytes
                items += Double(t.items.count)
                kernels += t.kernels
                switch segment.kind {
                case .update, .ema: update += t.seconds
                case .forward, .backward, .doubleBackward: phases[segment.phase.rawValue, default: 0] += t.seconds
                }
            }
        }
        let p = Double(period)
        let overhead = pricer.iterationOverheadSeconds
        let perIteration = seconds / p + overhead
        let peak = device.matrixPeak(recipe.precision.precision) ?? device.vectorPeakFLOPS
        return IterationEstimate(
            seconds: perIteration, flops: flops / p, bytes: bytes / p,
            phaseSeconds: phases.mapValues { $0 / p }, updateSeconds: update / p + overhead, workItems: items / p,
            kernels: pricer.appliesExecutionModel ? kernels / p : nil,
            samplesPerSecond: Double(recipe.samplesPerStep) / perIteration,
            utilization: flops / p / perIteration / peak)
    }
}
