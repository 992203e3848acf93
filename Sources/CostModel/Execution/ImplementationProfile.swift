import Workload

/// What a reference implementation launches on the device: kernels per graph op and per step, as counted from its code.
///
/// Eager frameworks issue every kernel from the host (Python, the dispatcher, autograd), so a step made of thousands
/// of small kernels costs host time per launch whatever the device. An implementation profile states how many
/// launches each graph op, optimizer step, EMA update and augmentation costs in one implementation; the device
/// profile's `ExecutionParameters` say how long the host takes per launch.
public struct ImplementationProfile: Sendable, Hashable, Codable {
    /// Catalog key, e.g. `stylegan2-ada-pytorch`.
    public var name: String
    /// The architectures the implementation trains (its kernel counts are for their graphs); empty: any.
    public var architectures: [Architecture]
    /// The kinds of device it runs on.
    public var deviceKinds: [DeviceKind]
    /// How its host launches kernels: eager (one by one) or as captured or compiled graphs (once per pass).
    public var hostLaunches: HostLaunchMode
    /// Kernels of one forward of an op, by `OpKind.name`; kinds missing here launch `defaultForwardKernels`.
    public var forwardKernels: [String: Double]
    /// Extra forward kernels of an op that runs in a 16-bit precision (casts, overflow guards), by `OpKind.name`.
    public var halfPrecisionExtraKernels: [String: Double]
    /// Kernels of one forward of an op kind the table leaves out.
    public var defaultForwardKernels: Double
    /// Extra kernels of a modulated convolution that up-samples (the `upfirdn2d` call).
    public var upsamplingConvolutionExtraKernels: Double
    /// Extra forward kernels per spectrally normalised weight (the power iteration and the division by sigma, run on
    /// every forward); an op holding several such weights launches them for each.
    public var spectralNormKernelsPerWeight: Double
    /// Backward kernels per forward kernel of the same op (autograd's formulas), by `NetworkRole.rawValue`; a network
    /// missing here launches `defaultBackwardKernelsPerForwardKernel`.
    public var backwardKernelsPerForwardKernel: [String: Double]
    /// Backward kernels per forward kernel of a network the table leaves out.
    public var defaultBackwardKernelsPerForwardKernel: Double
    /// Kernels of a double backward (`RecipeSegment.Kind.doubleBackward`) per forward kernel of the network, by
    /// `NetworkRole.rawValue`: the backward of a `create_graph` gradient differentiates autograd's formulas again.
    public var doubleBackwardKernelsPerForwardKernel: [String: Double]
    /// Optimizer kernels per parameter tensor per step (per-tensor loop).
    public var optimizerKernelsPerTensor: Double
    /// Optimizer kernels per step whatever the tensor count (foreach, fused or compiled updates).
    public var optimizerKernelsPerUpdate: Double
    /// EMA kernels per parameter tensor of G.
    public var emaKernelsPerTensor: Double
    /// Forward kernels of the augmentation pipeline per augmented D input (0: no augmentation).
    public var augmentKernelsPerInput: Double
    /// Kernels of the augmentation's backward per augmented input, where a backward runs into D's inputs.
    public var augmentBackwardKernelsPerInput: Double
    /// Kernels of the augmentation's double backward per augmented input.
    public var augmentDoubleBackwardKernelsPerInput: Double
    /// Kernels of the losses of a phase (softplus, means, penalties).
    public var lossKernelsPerPhase: Double
    /// Whether D runs the reals and the fakes of a D step as two passes (twice the launches of one pass of both).
    public var separateRealAndFakePasses: Bool
    /// How the implementation's data parallelism launches and reduces.
    public var dataParallel: DataParallelStyle
    /// Data-parallel kernels per parameter tensor of a network replicated on several devices, per reduced backward.
    public var dataParallelKernelsPerTensor: Double
    /// Data-parallel kernels per parameter tensor of a replicated network on every forward call (`nn.DataParallel`
    /// copies the parameters to every device per call; 0 for DistributedDataParallel).
    public var replicationKernelsPerTensor: Double
    /// Data-parallel kernels per gradient bucket (copies in and out of the flat bucket).
    public var dataParallelKernelsPerBucket: Double
    /// Bytes of one gradient bucket of the implementation's data parallelism.
    public var dataParallelBucketBytes: Double
    /// Where the counts come from.
    public var source: String

    /// Forward kernels of `op` at `precision`.
    public func forwardKernels(of op: Op, precision: Precision) -> Double {
        let name = op.kind.name
        var kernels = forwardKernels[name] ?? defaultForwardKernels
        if precision.bytesPerElement < 4 { kernels += halfPrecisionExtraKernels[name] ?? 0 }
        if case .modulatedConv2d(let c) = op.kind, c.up > 1 { kernels += upsamplingConvolutionExtraKernels }
        return kernels + spectralNormKernelsPerWeight * Double(op.kind.spectrallyNormalisedWeights)
    }

    /// Kernels the implementation launches for one work item of `graph` (its op's forward, its share of the op's
    /// backward, or a whole-network update).
    public func kernels(of item: WorkItem, graph: Graph) -> Double {
        switch item.pass {
        case .optimizer: return optimizerKernelsPerTensor * Double(graph.parameterTensorCount) + optimizerKernelsPerUpdate
        case .ema: return emaKernelsPerTensor * Double(graph.parameterTensorCount)
        case .forward, .backwardInput, .backwardWeight:
            guard let id = item.opID else { return 0 }
            let op = graph.ops[id]
            let forward = forwardKernels(of: op, precision: item.precision)
            guard item.pass != .forward else { return forward }
            // An op's backward kernels, split between its input- and weight-gradient items.
            let share = op.hasParameters ? 0.5 : 1
            return forward * backwardKernels(perForwardKernelOf: item.network) * share
        }
    }

    /// Backward kernels per forward kernel of `network`.
    public func backwardKernels(perForwardKernelOf network: NetworkRole) -> Double {
        backwardKernelsPerForwardKernel[network.rawValue] ?? defaultBackwardKernelsPerForwardKernel
    }

    /// Kernels the implementation launches for `segment` of `graph`, whose work items are `items`: every pass of it,
    /// with its augmentation and losses (data-parallel kernels are `dataParallelKernels`).
    public func kernels(of segment: RecipeSegment, items: [WorkItem], graph: Graph) -> Double {
        let own: Double
        if segment.kind == .doubleBackward {
            // Counted from the network's forward kernels: the items price its work, not its launches.
            let forward = items.lazy.filter { $0.pass == .forward }.reduce(0) { $0 + kernels(of: $1, graph: graph) }
            own = forward * (doubleBackwardKernelsPerForwardKernel[segment.network.rawValue]
                ?? 1 + backwardKernels(perForwardKernelOf: segment.network))
        } else {
            own = items.reduce(0) { $0 + kernels(of: $1, graph: graph) }
        }
        return passes(of: segment) * (own + extraKernels(of: segment))
    }

    /// Kernels of one pass of a segment beyond its work items: the augmentation of D's inputs (and its backward
    /// where the pass differentiates into them) and the phase's losses.
    public func extraKernels(of segment: RecipeSegment) -> Double {
        guard segment.network == .discriminator else { return 0 }
        // D's augmented inputs per pass: the fakes of a G step, the reals of R1, both halves of a D step (one per
        // pass where reals and fakes are separate passes).
        let inputs: Double
        switch segment.phase {
        case .discriminator: inputs = 2 / passes(of: segment)
        case .generator, .r1: inputs = 1
        case .pathLength: inputs = 0
        }
        switch segment.kind {
        case .forward: return augmentKernelsPerInput * inputs + lossKernelsPerPhase
        case .backward(_, let intoInputs): return intoInputs ? augmentBackwardKernelsPerInput * inputs : 0
        case .doubleBackward: return augmentDoubleBackwardKernelsPerInput * inputs
        case .update, .ema: return 0
        }
    }

    /// Whether the implementation trains `architecture` on a device of `kind`; nil if it does, else why not.
    public func refusal(architecture: Architecture, device kind: DeviceKind) -> String? {
        if !architectures.isEmpty && !architectures.contains(architecture) {
            return "\(name) trains \(architectures.map(\.rawValue).joined(separator: ", ")), not \(architecture.rawValue)"
        }
        if !deviceKinds.contains(kind) {
            return "\(name) runs on \(deviceKinds.map(\.rawValue).joined(separator: ", ")) devices, not \(kind.rawValue)"
        }
        return nil
    }

    /// Data-parallel kernels of a backward that finishes `gradientBytes` of a network with `tensors` parameter tensors.
    public func dataParallelKernels(tensors: Int, gradientBytes: Double) -> Double {
        guard gradientBytes > 0 else { return 0 }
        return dataParallelKernelsPerTensor * Double(tensors)
            + dataParallelKernelsPerBucket * (gradientBytes / dataParallelBucketBytes).rounded(.up)
    }

    /// How many times the implementation runs a segment's kernels: D's passes of a D step twice when reals and
    /// fakes are separate passes.
    public func passes(of segment: RecipeSegment) -> Double {
        separateRealAndFakePasses && segment.network == .discriminator && segment.phase == .discriminator
            && segment.kind != .update ? 2 : 1
    }
}
