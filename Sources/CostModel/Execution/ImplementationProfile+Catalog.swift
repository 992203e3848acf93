import Workload

extension ImplementationProfile {
    /// stylegan2-ada-pytorch (NVlabs, PyTorch 1.7, `--cfg=auto --aug=ada`), from `../shared/workloads/stylegan2-ada-pytorch.md`
    /// (kernels counted from training/networks.py, loss.py, augment.py, training_loop.py under a dispatch counter).
    public static let stylegan2AdaPyTorch = ImplementationProfile(
        name: "stylegan2-ada-pytorch", architectures: [.stylegan2], deviceKinds: [.gpu], hostLaunches: .eager,
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
        upsamplingConvolutionExtraKernels: 1, spectralNormKernelsPerWeight: 0,
        // The sheet's phase totals less their plain forwards: Dmain's two D backwards (1263 - 446 - 2 x 145 at
        // 1024 px without augmentation) are about 2 kernels per D forward kernel; Gmain then leaves about 2.5 per G
        // forward kernel (the modulated convolution's demodulation arithmetic, style mixing's second mapping).
        backwardKernelsPerForwardKernel: ["G": 2.5, "D": 2.0], defaultBackwardKernelsPerForwardKernel: 2.0,
        // Greg and Dreg less their forward and first backward, per forward kernel of G (5.3 to 5.6 over the sheet's
        // four configurations) and of D (2.4 to 2.5).
        doubleBackwardKernelsPerForwardKernel: ["G": 5.4, "D": 2.4],
        // nan_to_num (1) + the per-parameter Adam loop of PyTorch 1.7 (8).
        optimizerKernelsPerTensor: 9, optimizerKernelsPerUpdate: 0,
        // G_ema: copy_(lerp) per parameter.
        emaKernelsPerTensor: 2,
        // The ADA pipe `bgc` runs every op even at probability 0: about 260 kernels per augmented input.
        augmentKernelsPerInput: 260,
        // The rows with and without augmentation: Gmain differs by 266 (260 forward, 6 backward into the fakes),
        // Dreg by 283 (260, and 23 for the backward and double backward into the reals).
        augmentBackwardKernelsPerInput: 6, augmentDoubleBackwardKernelsPerInput: 17,
        lossKernelsPerPhase: 10,
        separateRealAndFakePasses: true,
        // DistributedDataParallel (broadcast_buffers off, 25 MB buckets): about 2 kernels per synced parameter and 2 per
        // bucket, in the last backward of each phase.
        dataParallel: .processPerDevice, dataParallelKernelsPerTensor: 2, replicationKernelsPerTensor: 0, dataParallelKernelsPerBucket: 2,
        dataParallelBucketBytes: 25e6,
        source: "../shared/workloads/stylegan2-ada-pytorch.md (NVlabs/stylegan2-ada-pytorch d72cc7d)")

    /// universome/stylegan-v: stylegan2-ada-pytorch's profile (the code it is built on: same phases, layers, optimizer,
    /// EMA, DDP and augment pipe, `../shared/workloads/stylegan-v.md`) under its own name, so that a GPU execution
    /// model fitted to stylegan2-ada-pytorch carries its validated range to it transferred, plus the launches of its
    /// own ops. Its two extra host synchronisations (an `.item()` on the largest frame time per G forward, a pinned
    /// copy of the frame times per iteration) are not expressed: a profile counts launches, not stalls.
    public static let styleganV: ImplementationProfile = {
        var p = stylegan2AdaPyTorch
        p.name = "stylegan-v"
        p.architectures = [.styleganV]
        // Assumed from the layers (not counted): EqLRConv1d (weight gain, conv1d; its activation counted apart),
        // motion sampling (gather of two codes, lerp, the time encoding's sin and cos, cat), the temporal input
        // (repeat, cat), the time-gap encoder (embedding, sin, cos, cat).
        p.forwardKernels.merge(["conv1d": 2, "motion_sampling": 8, "temporal_input": 2, "time_gap_encoding": 5]) { $1 }
        p.source = "../shared/workloads/stylegan-v.md (universome/stylegan-v 3fecd69) on stylegan2-ada-pytorch's counts"
        return p
    }()

    /// NVlabs/stylegan3 (PyTorch 1.9.1, `--cfg=stylegan3-t` or `-r`), from `../shared/workloads/stylegan3.md`: its
    /// synthesis layers' counts are read from the code (networks_stylegan3.py, torch_utils/ops/filtered_lrelu.py),
    /// not dispatch-counted; the mapping, D, loss, augment and EMA counts are stylegan2-ada-pytorch's (the same
    /// networks_stylegan2.py D and layers, the same loop structure and `bgc` pipe, G_ema's `copy_(lerp)`).
    public static let stylegan3PyTorch: ImplementationProfile = {
        var p = stylegan2AdaPyTorch
        p.name = "stylegan3"
        p.architectures = [.stylegan3]
        p.forwardKernels.merge([
            // SynthesisLayer: about 21 kernels in fp32 less its filtered_lrelu call (3), plus the magnitude-EMA update
            // (+4 to 5 per layer) that only Dmain's G forward runs: 2.25 on average over the iteration's two G
            // forwards (Dmain and Gmain; no Greg). ToRGB: about 13 less its filtered_lrelu, plus the same.
            "grouped_modulated_conv2d": 20.25, "grouped_to_rgb": 12.25,
            // filtered_lrelu: 2 kernels and 1 constant-memory copy of the filters per call.
            "filtered_lrelu": 3,
            // SynthesisInput: about 30 in all, less its affine FC (3) and the mixing product (division, matmul: 2).
            "fourier_features": 25,
            // loss.py run_D's blur (R): the filter built from arange, div, square, neg, exp2, sum, div (7), then
            // upfirdn2d's two 1-D passes (2); assumed from the code.
            "blur": 9,
        ]) { $1 }
        // A 16-bit SynthesisLayer launches about 23 (casts); ToRGB's casts assumed the same.
        p.halfPrecisionExtraKernels.merge(["grouped_modulated_conv2d": 2, "grouped_to_rgb": 2]) { $1 }
        // Backward and double-backward ratios: stylegan2-ada-pytorch's (assumed; not counted for this code).
        // PyTorch 1.9's per-parameter Adam loop (8 per tensor); per phase one torch.cat of the flattened gradients
        // and one nan_to_num on the flat tensor (training_loop.py), instead of a nan_to_num per tensor.
        p.optimizerKernelsPerTensor = 8
        p.optimizerKernelsPerUpdate = 2
        // No DDP: one all_reduce of the flat gradients and one division per phase (more than one GPU), so one bucket
        // per phase (`TrainingPlan.defaultBucketBytes`) of 2 kernels and none per tensor.
        p.dataParallelKernelsPerTensor = 0
        p.dataParallelKernelsPerBucket = 2
        p.dataParallelBucketBytes = 1e15
        p.source = "../shared/workloads/stylegan3.md (NVlabs/stylegan3 c233a91; read from the code, not counted)"
        return p
    }()

    /// BigGAN-PyTorch (ajbrock, PyTorch 1.0.1, the bs256x8 launch script), from `../shared/workloads/biggan-pytorch.md`
    /// (BigGAN.py, layers.py, train_fns.py, utils.py). Per-layer counts are read from layers.py's forwards, one launch
    /// per non-view ATen call; they are not dispatch-counted like stylegan2-ada-pytorch's.
    public static let bigganPyTorch = ImplementationProfile(
        name: "biggan-pytorch", architectures: [.biggan], deviceKinds: [.gpu], hostLaunches: .eager,
        forwardKernels: [
            // SNConv2d / SNLinear: F.conv2d or F.linear with its bias (the power iteration is counted per weight).
            "conv2d": 1, "linear": 1,
            // ccbn: gain = 1 + linear(y), bias = linear(y) (2 products, 1 add), F.batch_norm in training (batch
            // statistics and the normalisation), out * gain + bias (2).
            "conditional_batch_norm": 7,
            // bn (G's output layer): F.batch_norm with its statistics.
            "batch_norm": 2,
            // Attention: theta, phi, g, o convolutions (4), two max-pools, two bmm, softmax, gamma * o + x (2).
            "self_attention": 11,
            "relu": 1, "tanh": 1, "upsample": 1, "avg_pool": 1, "add": 1, "concat": 1,
            // D's output: sum over space; projection: embed(y) * h summed.
            "global_sum_pool": 1, "embedding": 1, "projection": 2,
            "slice": 0, "reshape": 0, "input": 0,
        ],
        halfPrecisionExtraKernels: [:],
        defaultForwardKernels: 1,
        upsamplingConvolutionExtraKernels: 0,
        // layers.py SN.W_(): per power iteration two products and two F.normalize (norm, clamp, divide), the in-place
        // copy of u, the singular value (two products) and its buffer copy, then W / sv: 13 launches per weight on
        // every forward, the D steps' no-grad G forwards included.
        spectralNormKernelsPerWeight: 13,
        // Autograd's formulas for the same ops; BigGAN-PyTorch's count is not in the sheet, so the stylegan2
        // implementation's D ratio (plain convolutions and activations) stands in.
        backwardKernelsPerForwardKernel: [:], defaultBackwardKernelsPerForwardKernel: 2.0,
        doubleBackwardKernelsPerForwardKernel: [:],
        // PyTorch 1.0's Adam: a per-parameter loop of about 8 kernels.
        optimizerKernelsPerTensor: 8, optimizerKernelsPerUpdate: 0,
        // utils.ema: about 4 kernels per state-dict entry (parameters and buffers).
        emaKernelsPerTensor: 4,
        augmentKernelsPerInput: 0, augmentBackwardKernelsPerInput: 0, augmentDoubleBackwardKernelsPerInput: 0,
        // Hinge losses: two relu, two means, the sum and the division by the accumulations.
        lossKernelsPerPhase: 6,
        // train_fns.py: D runs on the concatenated fakes and reals in one call.
        separateRealAndFakePasses: false,
        // nn.DataParallel: every forward call broadcasts the parameters to the devices (about 1 launch per tensor and
        // device group) and every backward reduces the gradients onto the first device (about 1 per tensor).
        dataParallel: .singleProcess, dataParallelKernelsPerTensor: 1, replicationKernelsPerTensor: 1, dataParallelKernelsPerBucket: 0,
        dataParallelBucketBytes: 10e6,
        source: "../shared/workloads/biggan-pytorch.md (ajbrock/BigGAN-PyTorch 9845943: layers.py, BigGAN.py, train_fns.py, utils.py)")

    /// A compiled graph (TensorFlow graph mode, XLA on TPU, `torch.compile`): elementwise ops fused into the products
    /// that feed them, fused optimizer and EMA updates, and one host launch per compiled pass. An assumption-level
    /// profile for "what if we compiled it": no compiled run is in the repository to count or fit it.
    public static let compiledGraph = ImplementationProfile(
        name: "compiled", architectures: [], deviceKinds: [.gpu, .tpu], hostLaunches: .graphs,
        forwardKernels: [
            // Fused into the producer's epilogue.
            "relu": 0, "leaky_relu": 0, "tanh": 0, "sigmoid": 0, "add": 0, "noise": 0, "reshape": 0, "slice": 0,
            "input": 0, "constant": 0,
            // Modulation and demodulation fused into one kernel before the convolution.
            "modulated_conv2d": 2, "to_rgb": 2,
        ],
        halfPrecisionExtraKernels: [:],
        defaultForwardKernels: 1,
        upsamplingConvolutionExtraKernels: 1, spectralNormKernelsPerWeight: 2,
        backwardKernelsPerForwardKernel: [:], defaultBackwardKernelsPerForwardKernel: 2.0,
        doubleBackwardKernelsPerForwardKernel: [:],
        optimizerKernelsPerTensor: 0, optimizerKernelsPerUpdate: 4,
        emaKernelsPerTensor: 0,
        augmentKernelsPerInput: 20, augmentBackwardKernelsPerInput: 2, augmentDoubleBackwardKernelsPerInput: 4,
        lossKernelsPerPhase: 2,
        separateRealAndFakePasses: false,
        dataParallel: .processPerDevice, dataParallelKernelsPerTensor: 0, replicationKernelsPerTensor: 0, dataParallelKernelsPerBucket: 1,
        dataParallelBucketBytes: 25e6,
        source: "assumed: fusion rules of XLA and TorchInductor (elementwise epilogues, fused optimizers); not counted")

    /// gansim's CPU trainer (`RealRunner`): one pass of a work item at a time, called directly from Swift; its time is
    /// the CPU pricing extension's (`CPUTrainerPricing`), fitted to its own measurements, so it launches nothing a
    /// host must issue. Listed so that a scenario can name it and `gansim devices` shows what prices a CPU.
    public static let gansimCPU = ImplementationProfile(
        name: "gansim-cpu", architectures: [.dcgan, .mlpGAN, .resnetGAN], deviceKinds: [.cpu], hostLaunches: .graphs,
        forwardKernels: [:], halfPrecisionExtraKernels: [:], defaultForwardKernels: 1,
        upsamplingConvolutionExtraKernels: 0, spectralNormKernelsPerWeight: 0,
        backwardKernelsPerForwardKernel: [:], defaultBackwardKernelsPerForwardKernel: 1,
        doubleBackwardKernelsPerForwardKernel: [:],
        optimizerKernelsPerTensor: 0, optimizerKernelsPerUpdate: 1, emaKernelsPerTensor: 0,
        augmentKernelsPerInput: 0, augmentBackwardKernelsPerInput: 0, augmentDoubleBackwardKernelsPerInput: 0,
        lossKernelsPerPhase: 0, separateRealAndFakePasses: false,
        dataParallel: .processPerDevice, dataParallelKernelsPerTensor: 0, replicationKernelsPerTensor: 0,
        dataParallelKernelsPerBucket: 0, dataParallelBucketBytes: 25e6,
        source: "Sources/RealRunner (Trainer runs one work item per op pass)")

    /// The implementations gansim knows, by name.
    public static let all: [ImplementationProfile] = [
        stylegan2AdaPyTorch, stylegan3PyTorch, styleganV, bigganPyTorch, compiledGraph, gansimCPU,
    ]

    /// The official GPU implementation of an architecture whose launches gansim counts (nil: none yet, so a GPU
    /// execution model does not apply and the roofline alone prices it).
    public static func official(for architecture: Architecture) -> ImplementationProfile? {
        all.first { $0.architectures.contains(architecture) && $0.deviceKinds.contains(.gpu) }
    }

    /// The implementation called `name`.
    public static func named(_ name: String) throws(ModelError) -> ImplementationProfile {
        guard let found = all.first(where: { $0.name == name }) else {
            throw .unsupported(field: "implementation", value: name, accepted: all.map(\.name))
        }
        return found
    }
}
