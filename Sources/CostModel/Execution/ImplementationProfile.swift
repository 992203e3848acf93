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
    /// The architectures the implementation trains (its kernel counts are for their graphs).
    public var architectures: [Architecture]
    /// Kernels of one forward of an op, by `OpKind.name`; kinds missing here launch `defaultForwardKernels`.
    public var forwardKernels: [String: Double]
    /// Extra forward kernels of an op that runs in a 16-bit precision (casts, overflow guards), by `OpKind.name`.
    public var halfPrecisionExtraKernels: [String: Double]
    /// Kernels of one forward of an op kind the table leaves out.
    public var defaultForwardKernels: Double
    /// Extra kernels of a modulated convolution that up-samples (the `upfirdn2d` call).
    public var upsamplingConvolutionExtraKernels: Double
    /// Backward kernels per forward kernel of the same op (autograd's formulas).
    public var backwardKernelsPerForwardKernel: Double
    /// Optimizer kernels per parameter tensor per step (per-tensor loop).
    public var optimizerKernelsPerTensor: Double
    /// EMA kernels per parameter tensor of G.
    public var emaKernelsPerTensor: Double
    /// Forward kernels of the augmentation pipeline per augmented D input (0: no augmentation).
    public var augmentKernelsPerInput: Double
    /// Kernels of the losses of a phase (softplus, means, penalties).
    public var lossKernelsPerPhase: Double
    /// Whether D runs the reals and the fakes of a D step as two passes (twice the launches of one pass of both).
    public var separateRealAndFakePasses: Bool
    /// Data-parallel kernels per parameter tensor of a network replicated on several devices, per reduced backward.
    public var dataParallelKernelsPerTensor: Double
    /// Data-parallel kernels per gradient bucket (copies in and out of the flat bucket).
    public var dataParallelKernelsPerBucket: Double
    /// Bytes of one gradient bucket of the implementation's data parallelism.
    public var dataParallelBucketBytes: Double
    /// Where the counts come from.
    public var source: String

    /// stylegan2-ada-pytorch (NVlabs, PyTorch 1.7, `--cfg=auto --aug=ada`), from `../shared/workloads/stylegan2-ada-pytorch.md`
    /// (kernels counted from training/networks.py, loss.py, augment.py, training_loop.py under a dispatch counter).
    public static let stylegan2AdaPyTorch = ImplementationProfile(
        name: "stylegan2-ada-pytorch", architectures: [.stylegan2],
        forwardKernels: [
            // SynthesisLayer: 13 kernels in fp32 with its noise (1) and bias_act (1): affine FC, modulation,
            // demodulation (pow, sum, add, rsqrt), activation scaling, the convolution, the fused demod + noise.
            "modulated_conv2d": 11,
            // ToRGBLayer: 6 in fp32 (its bias_act included).
            "to_rgb": 6,
            "noise": 1,
            // bias_act plugin call.
            "leaky_relu": 1, "relu": 1, "tanh": 1, "sigmoid": 1,
            // Conv2dLayer: weight gain, convolution (bias_act counted with the activation; the casts of bias and
            // weight to the input's dtype launch nothing in fp32).
            "conv2d": 2,
            // FullyConnectedLayer: weight gain, bias gain, addmm.
            "linear": 3,
            // normalize_2nd_moment: square, mean, add, rsqrt, multiply.
            "pixel_norm": 5,
            // upfirdn2d plugin call.
            "fir_filter": 1, "upsample": 1,
            // MinibatchStdLayer: reshape chain with sub, square, mean, add, sqrt, mean, repeat, cat.
            "minibatch_stddev": 10,
            "add": 1, "constant": 1, "reshape": 0, "input": 0,
        ],
        // A 16-bit SynthesisLayer launches 24-25 (5 casts, 2 infinity norms, reciprocal, division), ToRGB 9,
        // a Conv2dLayer the casts of its bias and weight to fp16.
        halfPrecisionExtraKernels: ["modulated_conv2d": 11, "to_rgb": 3, "conv2d": 2],
        defaultForwardKernels: 1,
        upsamplingConvolutionExtraKernels: 1,
        // The sheet's phase totals (Gmain 1592, Dmain 1439 at 128 px) against its plain forwards (mapping 17,
        // synthesis 300, D 104, augment 260 per input) leave about 1.3 backward kernels per forward kernel.
        backwardKernelsPerForwardKernel: 1.3,
        // nan_to_num (1) + the per-parameter Adam loop of PyTorch 1.7 (8).
        optimizerKernelsPerTensor: 9,
        // G_ema: copy_(lerp) per parameter.
        emaKernelsPerTensor: 2,
        // The ADA pipe `bgc` runs every op even at probability 0: about 260 kernels per augmented input.
        augmentKernelsPerInput: 260,
        lossKernelsPerPhase: 10,
        separateRealAndFakePasses: true,
        // DistributedDataParallel (broadcast_buffers off, 25 MB buckets): about 2 kernels per synced parameter and 2 per
        // bucket, in the last backward of each phase.
        dataParallelKernelsPerTensor: 2, dataParallelKernelsPerBucket: 2, dataParallelBucketBytes: 25e6,
        source: "../shared/workloads/stylegan2-ada-pytorch.md (NVlabs/stylegan2-ada-pytorch d72cc7d)")

    /// The implementations gansim knows, by name.
    public static let all: [ImplementationProfile] = [stylegan2AdaPyTorch]

    /// The official implementation of an architecture whose launches gansim counts (nil: none yet, so a GPU execution
    /// model does not apply and the roofline alone prices it).
    public static func official(for architecture: Architecture) -> ImplementationProfile? {
        all.first { $0.architectures.contains(architecture) }
    }

    /// The implementation called `name`.
    public static func named(_ name: String) throws(ModelError) -> ImplementationProfile {
        guard let found = all.first(where: { $0.name == name }) else {
            throw .unsupported(field: "implementation", value: name, accepted: all.map(\.name))
        }
        return found
    }

    /// Forward kernels of `op` at `precision`.
    public func forwardKernels(of op: Op, precision: Precision) -> Double {
        let name = op.kind.name
        var kernels = forwardKernels[name] ?? defaultForwardKernels
        if precision.bytesPerElement < 4 { kernels += halfPrecisionExtraKernels[name] ?? 0 }
        if case .modulatedConv2d(let c) = op.kind, c.up > 1 { kernels += upsamplingConvolutionExtraKernels }
        return kernels
    }

    /// Kernels the implementation launches for one work item of `graph` (its op's forward, its share of the op's
    /// backward, or a whole-network update).
    public func kernels(of item: WorkItem, graph: Graph) -> Double {
        switch item.pass {
        case .optimizer: return optimizerKernelsPerTensor * Double(graph.parameterTensorCount)
        case .ema: return emaKernelsPerTensor * Double(graph.parameterTensorCount)
        case .forward, .backwardInput, .backwardWeight:
            guard let id = item.opID else { return 0 }
            let op = graph.ops[id]
            let forward = forwardKernels(of: op, precision: item.precision)
            guard item.pass != .forward else { return forward }
            // An op's backward kernels, split between its input- and weight-gradient items.
            let share = op.hasParameters ? 0.5 : 1
            return forward * backwardKernelsPerForwardKernel * share
        }
    }

    /// Kernels of a segment beyond its work items: the augmentation of D's inputs (and its backward where the pass
    /// differentiates into them) and the phase's losses.
    public func extraKernels(of segment: RecipeSegment) -> Double {
        guard segment.network == .discriminator else { return 0 }
        let augmentedInputs: Double = segment.phase == .discriminator ? 2 : segment.phase == .generator || segment.phase == .r1 ? 1 : 0
        switch segment.kind {
        case .forward:
            return augmentKernelsPerInput * augmentedInputs + lossKernelsPerPhase
        case .backward(_, let intoInputs):
            return intoInputs ? augmentKernelsPerInput * augmentedInputs * backwardKernelsPerForwardKernel : 0
        case .update, .ema:
            return 0
        }
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
