import CPUExecution
import Workload

/// Creates the layer that executes a CostModel op, or refuses the op.
enum LayerFactory {
    /// The op kinds the CPU trainer executes (names as in `OpKind.name`).
    static let supportedKinds = [
        "input", "linear", "conv2d", "conv_transpose2d", "batch_norm", "relu", "leaky_relu", "tanh", "sigmoid",
        "upsample", "avg_pool", "add", "concat", "slice", "reshape", "pixel_norm", "minibatch_stddev",
        "global_sum_pool",
    ]

    /// The layer for `op`; spectral-norm `u` vectors are drawn from `rng`.
    ///
    /// - Throws: `RunnerError.unsupportedOp` for an op kind without a kernel: the
    ///   runner never skips an op.
    static func make(_ op: Op, graph: String, workspace: Workspace, rng: SeededRandom) throws(RunnerError) -> any Layer {
        switch op.kind {
        case .input: return InputLayer(op: op)
        case .linear(let c): return LinearLayer(op: op, config: c, rng: rng)
        case .conv2d(let c): return Conv2DLayer(op: op, config: c, workspace: workspace, rng: rng)
        case .convTranspose2d(let c): return ConvTranspose2DLayer(op: op, config: c, workspace: workspace, rng: rng)
        case .batchNorm(let channels, let affine): return BatchNormLayer(op: op, channels: channels, affine: affine)
        case .activation(let a): return ActivationLayer(op: op, function: a)
        case .upsample(let f): return UpsampleLayer(op: op, factor: f)
        case .avgPool(let k): return AvgPoolLayer(op: op, kernel: k)
        case .add: return AddLayer(op: op)
        case .concat, .slice, .reshape: return ShapeLayer(op: op)
        case .pixelNorm, .globalSumPool: return NormPoolLayer(op: op)
        case .minibatchStdDev(let g, let f):
            guard op.inputShapes[0].channels % f == 0 else {
                throw .unsupportedGraph(name: graph, reason: "op '\(op.name)': \(f) stat channels do not divide \(op.inputShapes[0].channels)")
            }
            return MinibatchStdDevLayer(op: op, groupSize: g, statChannels: f)
        case .learnedConstant, .conditionalBatchNorm, .selfAttention, .embedding, .projection,
            .modulatedConv2d, .toRGB, .noiseInjection, .firFilter, .fourierFeatures, .groupedModulatedConv2d,
            .filteredLeakyReLU, .separableBlur, .conv1d, .motionSampling, .temporalInput, .timeGapEncoding:
            throw .unsupportedOp(op: op.name, kind: op.kind.name, network: graph)
        }
    }
}
