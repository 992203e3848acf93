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
    /// The devices each network replicated on more than one is spread over (data parallel): its reduced backwards then
    /// launch the implementation's data-parallel kernels; absent networks live on one device.
    public let replicas: [NetworkRole: Int]
    /// The networks in `replicas`.
    public var replicated: Set<NetworkRole> { Set(replicas.keys) }
    private let builder: WorkItemBuilder
    private let roofline: RooflineModel
    /// What a CPU profile adds for the way the CPU trainer runs items (nil on accelerators).
    private let cpu: CPUTrainerPricing?
    /// A CPU's training state in bytes, which every step streams through its caches: weights, their EMA, gradients,
    /// optimizer moments (0 on accelerators, and on a CPU whose caches are unknown).
    private let trainingStateBytes: Int
    /// The GPU execution model and the implementation whose launches it counts (nil: the roofline alone).
    private let execution: (parameters: ExecutionParameters, implementation: ImplementationProfile)?
    private var memo: [RecipeSegment: PricedSegment] = [:]

    /// A pricer of `recipe`'s segments of `model` on `device`, the networks in `replicas` being data parallel over that
    /// many devices; the caller has checked them (`IterationEstimator.check`).
    public init(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile, replicas: [NetworkRole: Int] = [:]) {
        self.model = model
        self.recipe = recipe
        self.device = device
        self.replicas = replicas.filter { $0.value > 1 }
        builder = WorkItemBuilder(model: model, recipe: recipe)
        roofline = RooflineModel(device: device)
        // Only a CPU whose caches are known prices its state against them.
        let cached = device.lastLevelCacheBytes != nil || device.privateCacheBytes != nil
        let state = device.kind == .cpu && cached ? MemoryModel(model: model, recipe: recipe, device: device).breakdown() : nil
        trainingStateBytes = state.map { $0.weightsBytes + $0.emaBytes + $0.gradientBytes + $0.optimizerStateBytes } ?? 0
        cpu = CPUTrainerPricing(device: device, trainingStateBytes: trainingStateBytes)
        execution = device.execution.flatMap { parameters in
            device.executionImplementation(for: model.config.architecture, recipe: recipe).map { (parameters, $0) }
        }
    }

    /// The share of a CPU's training state beyond its last-level cache (`CPUTrainerPricing.streamedWeightShare`; 0 on
    /// accelerators or where the cache is unknown): what every step streams through memory.
    public var streamedStateShare: Double { cpu?.streamedWeightShare ?? 0 }

    /// The share of a CPU's training state beyond `cacheBytes` (`CPUTrainerPricing.share(ofState:beyond:)`; 0 on
    /// accelerators).
    public func stateShare(beyond cacheBytes: Int) -> Double {
        CPUTrainerPricing.share(ofState: trainingStateBytes, beyond: cacheBytes)
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
            case .backward(let weights, let intoInputs):
                requires = recipe.gradientRequirements(of: key.network, in: graph, weights: weights, intoInputs: intoInputs)
            case .doubleBackward: requires = recipe.gradientRequirements(of: key.network, in: graph, weights: true, intoInputs: true)
            case .forward, .update, .ema: break
            }
        }
        let items = builder.items(for: key)
        let replicas = replicas[key.network] ?? 1
        // A single process's data parallelism reduces the gradients of every backward, not only the step's last.
        let singleProcess = replicas > 1 && execution?.implementation.dataParallel == .singleProcess
        let reduces = key.finishesGradients || (singleProcess && key.kind != .forward)
        for item in items {
            let seconds = cpu?.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer) ?? roofline.seconds(item)
            // The fp32 gradients the item reduces; a single process reduces them onto its first device, which moves
            // half an all-reduce's bytes per device (a ring reduce sends (N-1)/N of them, an all-reduce 2(N-1)/N).
            let reducedBytes = reduces && item.pass == .backwardWeight ? 4 * (item.opID.map { graph.ops[$0].parameterCount } ?? 0) : 0
            priced.items.append(PricedSegment.Item(
                seconds: seconds, activitySeconds: seconds * WorkActivity.fraction(item, seconds: seconds, device: device),
                gradientBytes: singleProcess ? reducedBytes / 2 : reducedBytes))
            priced.seconds += seconds
            priced.flops += Double(item.cost.flops)
            priced.bytes += Double(item.cost.bytes)
        }
        if let execution {
            var extra = 0.0
            if replicas > 1, reduces {
                let bytes = priced.items.reduce(0.0) { $0 + Double($1.gradientBytes) }
                extra = execution.implementation.dataParallelKernels(tensors: graph.parameterTensorCount, gradientBytes: bytes)
            }
            if replicas > 1, key.kind == .forward {
                extra += execution.implementation.replicationKernelsPerTensor * Double(graph.parameterTensorCount)
            }
            // The interpreter lock serialises a single process's Python forwards of the replicas.
            let hostIssues = singleProcess && key.kind == .forward ? Double(replicas) : 1
            Self.applyExecution(execution.parameters, execution.implementation, to: &priced, segment: key, graph: graph, items: items,
                                extraKernels: extra, hostIssues: hostIssues,
                                hostLaunches: recipe.hostLaunches ?? execution.implementation.hostLaunches)
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
                                       extraKernels: Double, hostIssues: Double, hostLaunches: HostLaunchMode) {
        let passes = implementation.passes(of: segment)
        let kernels = implementation.kernels(of: segment, items: items, graph: graph) + extraKernels
        let device = priced.seconds
        guard device > 0 else { return }
        // Captured graphs: the host launches each pass of the segment once, the device replays its kernels.
        let issued = (hostLaunches == .graphs ? passes : kernels) * hostIssues
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

    /// Bytes the first device of a network's group copies to each other device before `segment` runs: under a single
    /// process's data parallelism (`nn.DataParallel`) every forward call replicates the fp32 parameters; 0 otherwise.
    public func replicationBytes(of segment: RecipeSegment) -> Double {
        guard segment.kind == .forward, (replicas[segment.network] ?? 1) > 1,
              execution?.implementation.dataParallel == .singleProcess else { return 0 }
        return 4 * Double(model.graph(segment.network).parameterCount)
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
