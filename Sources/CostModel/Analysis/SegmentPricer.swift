import Workload

/// The one place a recipe segment is priced: its work items through the device's roofline, memoised.
///
/// Every command prices through this type: `inspect` and `validate` (`IterationEstimator`),
/// the simulator's schedule and the sweeps' analytic engine. Only what changes the work
/// items is part of the memo key (the network, the kind of pass, the batch, whether the
/// pass finishes the step's gradients, and the phase where a GPU execution model counts
/// its launches), so the repeated D steps of nDisc and the micro-batches of accumulation
/// are priced once. Not thread-safe: one pricer per thread.
public final class SegmentPricer {
    public let model: GANModel
    public let recipe: TrainingRecipe
    public let device: DeviceProfile
    /// Whether each network is replicated on more than one device (data parallel): its reduced backwards then launch
    /// the implementation's data-parallel kernels.
    public let replicated: Set<NetworkRole>
    private let builder: WorkItemBuilder
    private let roofline: RooflineModel
    /// What a CPU profile adds for the way the CPU trainer runs items (nil on accelerators).
    private let cpu: CPUTrainerPricing?
    /// The GPU execution model and the implementation whose launches it counts (nil: the roofline alone).
    private let execution: (parameters: ExecutionParameters, implementation: ImplementationProfile)?
    private var memo: [RecipeSegment: PricedSegment] = [:]

    /// A pricer of `recipe`'s segments of `model` on `device`, the networks in `replicated` being data parallel over
    /// several devices; the caller has checked them (`IterationEstimator.check`).
    public init(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile, replicated: Set<NetworkRole> = []) {
        self.model = model
        self.recipe = recipe
        self.device = device
        self.replicated = replicated
        builder = WorkItemBuilder(model: model, recipe: recipe)
        roofline = RooflineModel(device: device)
        cpu = CPUTrainerPricing(device: device)
        execution = device.execution.flatMap { parameters in
            device.executionImplementation(for: model.config.architecture, recipe: recipe).map { (parameters, $0) }
        }
    }

    /// Whether the device's GPU execution model prices this model (the profile has one, and the architecture has an
    /// implementation profile whose launches it counts).
    public var appliesExecutionModel: Bool { execution != nil }

    /// The segment's priced items and totals.
    public func price(_ segment: RecipeSegment) -> PricedSegment {
        // The phase matters only to an implementation's launches (augmentation, separate passes).
        let key = RecipeSegment(phase: execution == nil ? .generator : segment.phase, network: segment.network,
                                kind: segment.kind, batch: segment.batch, step: 0, microBatch: 0,
                                finishesGradients: segment.finishesGradients)
        if let known = memo[key] { return known }
        var priced = PricedSegment()
        let graph = model.graph(key.network)
        var requires: [Bool] = []
        if cpu != nil {
            switch key.kind {
            case .backward(let weights, let intoInputs): requires = graph.gradientRequirements(weights: weights, intoInputs: intoInputs)
            case .doubleBackward: requires = graph.gradientRequirements(weights: true, intoInputs: true)
            case .forward, .update, .ema: break
            }
        }
        let items = builder.items(for: key)
        for item in items {
            let seconds = cpu?.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer) ?? roofline.seconds(item)
            priced.items.append(PricedSegment.Item(
                seconds: seconds, activitySeconds: seconds * WorkActivity.fraction(item, seconds: seconds, device: device),
                gradientBytes: item.gradientBytes))
            priced.seconds += seconds
            priced.flops += Double(item.cost.flops)
            priced.bytes += Double(item.cost.bytes)
        }
        if let execution {
            var extra = 0.0
            if replicated.contains(key.network), key.finishesGradients {
                let bytes = items.reduce(0.0) { $0 + Double($1.gradientBytes) }
                extra = execution.implementation.dataParallelKernels(tensors: graph.parameterTensorCount, gradientBytes: bytes)
            }
            if replicated.contains(key.network), key.kind == .forward {
                extra += execution.implementation.replicationKernelsPerTensor * Double(graph.parameterTensorCount)
            }
            Self.applyExecution(execution.parameters, execution.implementation, to: &priced, segment: key, graph: graph, items: items,
                                extraKernels: extra, hostLaunches: recipe.hostLaunches ?? execution.implementation.hostLaunches)
        }
        memo[key] = priced
        return priced
    }

    /// Prices `priced` (the roofline's item times) under the GPU execution model: the segment takes
    /// `ExecutionParameters.segmentSeconds` of its device time and its kernels, shared among the items in proportion
    /// to their device time so that gradient buckets keep their place. Activity-weighted seconds stay the roofline's:
    /// the device does the same work, and the longer time is spent near idle power.
    private static func applyExecution(_ parameters: ExecutionParameters, _ implementation: ImplementationProfile,
                                       to priced: inout PricedSegment, segment: RecipeSegment, graph: Graph, items: [WorkItem],
                                       extraKernels: Double, hostLaunches: HostLaunchMode) {
        let passes = implementation.passes(of: segment)
        let kernels = implementation.kernels(of: segment, items: items, graph: graph) + extraKernels
        let device = priced.seconds
        guard device > 0 else { return }
        // Captured graphs: the host launches each pass of the segment once, the device replays its kernels.
        let issued = hostLaunches == .graphs ? passes : kernels
        let total = parameters.segmentSeconds(deviceSeconds: device, kernels: issued)
        let scale = total / device
        var seconds = 0.0
        for index in priced.items.indices {
            priced.items[index].seconds *= scale
            seconds += priced.items[index].seconds
        }
        priced.seconds = seconds
        priced.kernels = kernels
    }

    /// Elements of real data D takes per iteration: a batch per D step and micro-batch.
    public var inputElementsPerIteration: Int {
        recipe.discriminatorSteps * recipe.accumulation * recipe.batchPerDevice
            * (model.discriminator.inputs.first?.outputShape.elementCount ?? 0)
    }

    /// Host seconds per iteration outside the ops, as a calibrated profile fits them: its fixed
    /// per-iteration overhead plus its time per element of real input (0 for an uncalibrated profile).
    public var iterationOverheadSeconds: Double {
        (device.iterationOverheadSeconds ?? 0) + (device.inputSecondsPerElement ?? 0) * Double(inputElementsPerIteration)
    }
}
