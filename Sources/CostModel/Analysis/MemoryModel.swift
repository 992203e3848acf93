import Workload
import CPUExecution

/// Device-memory footprint of training a GAN with a recipe on a device.
public struct MemoryModel: Sendable {
    public let model: GANModel
    public let recipe: TrainingRecipe
    public let device: DeviceProfile

    public init(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile) {
        self.model = model
        self.recipe = recipe
        self.device = device
    }

    /// What the CPU trainer's process adds once it runs convolutions (`DeviceProfile.convolutionRuntimeBytes`): 0 for
    /// other memory policies and for models without convolutions.
    var convolutionRuntimeBytes: Int {
        guard device.memoryPolicy == .allOutputs, let bytes = device.convolutionRuntimeBytes else { return 0 }
        return Self.hasConvolutions(model) ? bytes : 0
    }

    /// Whether either network of `model` has an op the CPU trainer runs in oneDNN (`ConvolutionLayout`).
    public static func hasConvolutions(_ model: GANModel) -> Bool {
        [model.generator, model.discriminator].contains { $0.ops.contains(where: ConvolutionLayout.runsInOneDNN) }
    }

    /// The breakdown at `batchPerDevice` samples per micro-batch (the recipe's by default).
    ///
    /// Activations under the device's `memoryPolicy`. `savedTensors`: the largest of the
    /// D step (D on real and fake, 2B), the G step (G and D at B), and the lazy
    /// regularisers (double backward keeps about twice the saved tensors); the G forward
    /// of the D step runs without saving anything. `allOutputs`: every op output and
    /// its gradient buffer, G at B and D at 2B.
    ///
    /// Where the device's memory goes through PyTorch's caching allocator (`usesCachingAllocator`), each phase's
    /// allocations are replayed through `CachingAllocator` and the largest reserve over the phases, less the live
    /// tensors, is `allocatorCacheBytes`: the reserve is then at least the live tensors by construction, since every
    /// phase's requests sum to its live bytes and the peak phase's live bytes are the breakdown's.
    public func breakdown(batchPerDevice: Int? = nil) -> MemoryBreakdown {
        let b = batchPerDevice ?? recipe.batchPerDevice
        let g = model.generator, d = model.discriminator
        let gParams = g.parameterCount, dParams = d.parameterCount
        let params = gParams + dParams
        // Frozen parameters (FreezeD) keep their weights but no gradient or optimizer state.
        let trainable = recipe.trainableParameterCount(of: .generator, in: g) + recipe.trainableParameterCount(of: .discriminator, in: d)
        let policy = recipe.precision
        let gTop = g.ops.map(\.resolution).max() ?? 0, dTop = d.ops.map(\.resolution).max() ?? 0
        let gPrecision = { (op: Op) in policy.precision(of: op, topResolution: gTop) }
        let dPrecision = { (op: Op) in policy.precision(of: op, topResolution: dTop) }
        func saved(_ graph: Graph, _ batch: Int, _ p: (Op) -> Precision) -> Int {
            graph.savedActivationBytes(batch: batch, precision: p)
        }
        let imageBytes = g.outputShape.elementCount * policy.precision.bytesPerElement
        let gSaved = saved(g, b, gPrecision)
        let dStep = saved(d, 2 * b, dPrecision) + 2 * b * imageBytes
        let gStep = gSaved + saved(d, b, dPrecision)
        let r1 = recipe.r1Interval > 0 ? 2 * saved(d, b, dPrecision) : 0
        let plBatch = max(1, b / recipe.pathLengthBatchShrink)
        let pl = recipe.pathLengthInterval > 0 ? 2 * saved(g, plBatch, gPrecision) : 0
        var activations = max(dStep, gStep, r1, pl)
        let largest = max(g.largestActivationBytes(batch: b, precision: gPrecision),
                          d.largestActivationBytes(batch: 2 * b, precision: dPrecision))
        var workspace = 2 * largest + device.workspaceBytes
        if device.memoryPolicy == .allOutputs {
            // Every output and its gradient buffer: G at B, D at its largest batch (2B).
            activations = 2 * (g.outputBytes(batch: b, precision: gPrecision)
                + d.outputBytes(batch: 2 * b, precision: dPrecision))
            // The trainer's three shared convolution scratch buffers (`ConvolutionLayout`).
            let block = device.convolutionChannelBlock
            workspace = zip(ConvolutionLayout.workspaceBytes(in: g, batch: b, block: block),
                            ConvolutionLayout.workspaceBytes(in: d, batch: 2 * b, block: block)).map { max($0, $1) }.reduce(0, +)
                + device.workspaceBytes
        }
        let halfCopy = policy.precision.usesMasterWeights ? 2 * params : 0
        var memory = MemoryBreakdown(
            weightsBytes: 4 * params + halfCopy,
            emaBytes: recipe.ema ? 4 * gParams : 0,
            gradientBytes: 4 * trainable,
            optimizerStateBytes: 4 * trainable * recipe.optimizer.stateTensors,
            activationBytes: activations,
            workspaceBytes: workspace,
            runtimeBytes: device.runtimeOverheadBytes + convolutionRuntimeBytes)
        if usesCachingAllocator {
            // The phases' saved tensors, allocation by allocation, as the sums above count them.
            func tensors(_ graph: Graph, _ batch: Int, _ p: (Op) -> Precision) -> [Int] {
                graph.savedActivationTensorBytes(batch: batch, precision: p)
            }
            let dTensors = tensors(d, b, dPrecision)
            var phases = [tensors(d, 2 * b, dPrecision) + [b * imageBytes, b * imageBytes], tensors(g, b, gPrecision) + dTensors]
            if r1 > 0 { phases.append(dTensors + dTensors) }
            if pl > 0 {
                let gTensors = tensors(g, plBatch, gPrecision)
                phases.append(gTensors + gTensors)
            }
            let parameters = parameterTensors
            // The workspace as the allocator serves it: two gradient tensors in flight, the convolution scratch.
            let workspaceRequests = [largest, largest, device.workspaceBytes]
            let reserve = phases.map { reservedBytes(parameters: parameters, activations: $0, workspace: workspaceRequests) }.max() ?? 0
            memory.allocatorCacheBytes = max(0, reserve - memory.liveTensorBytes)
        }
        return memory
    }

    /// Whether the device's memory goes through PyTorch's CUDA caching allocator: GPU profiles keeping saved tensors
    /// (the GPU implementations gansim prices are PyTorch codes). TPUs (XLA plans its buffers) and the CPU trainer
    /// (its own buffers, `allOutputs`) reserve exactly their live tensors.
    public var usesCachingAllocator: Bool { device.kind == .gpu && device.memoryPolicy != .allOutputs }

    /// Elements of every learned parameter tensor of G, then of D, whether it belongs to G (which has an EMA copy)
    /// and whether it trains (frozen ones have no gradient or optimizer state).
    private var parameterTensors: [(elements: Int, generator: Bool, trains: Bool)] {
        let frozen = recipe.frozenOps(of: .discriminator, in: model.discriminator)
        return model.generator.ops.flatMap { $0.parameterTensorElements.map { ($0, true, true) } }
            + model.discriminator.ops.flatMap { op in op.parameterTensorElements.map { ($0, false, !frozen.contains(op.id)) } }
    }

    /// The caching allocator's reserve (`CachingAllocator`) for one phase's tensors alive together, in the order a
    /// training process allocates them: per parameter tensor its fp32 weight, 16-bit working copy under mixed
    /// precision, and EMA copy (G's); then per tensor its gradient and optimizer state (created at the first step);
    /// then the phase's saved activations and the workspace buffers. Invariant: the requests sum to the breakdown's
    /// live tensors of that phase, so the reserve is at least them.
    private func reservedBytes(parameters: [(elements: Int, generator: Bool, trains: Bool)], activations: [Int], workspace: [Int]) -> Int {
        var allocator = CachingAllocator()
        let halfCopies = recipe.precision.precision.usesMasterWeights
        for tensor in parameters {
            allocator.allocate(4 * tensor.elements)
            if halfCopies { allocator.allocate(2 * tensor.elements) }
            if recipe.ema && tensor.generator { allocator.allocate(4 * tensor.elements) }
        }
        for tensor in parameters where tensor.trains {
            allocator.allocate(4 * tensor.elements)
            for _ in 0..<recipe.optimizer.stateTensors { allocator.allocate(4 * tensor.elements) }
        }
        for bytes in activations + workspace { allocator.allocate(bytes) }
        return allocator.reservedBytes
    }

    /// Whether the recipe's batch fits in the device's memory.
    public var fits: Bool { breakdown().totalBytes <= device.memoryBytes }

    /// The largest batch per device (micro-batch) that fits, or 0 if even one sample does not.
    ///
    /// - Complexity: O(log B) breakdowns; memory grows monotonically with the batch.
    public func largestBatchThatFits(limit: Int = 1 << 20) -> Int {
        func fits(_ b: Int) -> Bool { breakdown(batchPerDevice: b).totalBytes <= device.memoryBytes }
        guard fits(1) else { return 0 }
        var lo = 1, hi = 2
        while hi <= limit && fits(hi) { lo = hi; hi *= 2 }
        if hi > limit { return lo }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if fits(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }
}
