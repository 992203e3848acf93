extension OpKind {
    /// A short lowercase name of the kind, stable across releases (used in JSON and traces).
    public var name: String {
        switch self {
        case .input: "input"
        case .learnedConstant: "constant"
        case .linear: "linear"
        case .conv2d: "conv2d"
        case .convTranspose2d: "conv_transpose2d"
        case .batchNorm: "batch_norm"
        case .conditionalBatchNorm: "conditional_batch_norm"
        case .activation(let a):
            switch a {
            case .relu: "relu"
            case .leakyReLU: "leaky_relu"
            case .tanh: "tanh"
            case .sigmoid: "sigmoid"
            }
        case .upsample: "upsample"
        case .avgPool: "avg_pool"
        case .add: "add"
        case .concat: "concat"
        case .slice: "slice"
        case .reshape: "reshape"
        case .selfAttention: "self_attention"
        case .embedding: "embedding"
        case .projection: "projection"
        case .pixelNorm: "pixel_norm"
        case .modulatedConv2d: "modulated_conv2d"
        case .toRGB: "to_rgb"
        case .noiseInjection: "noise"
        case .minibatchStdDev: "minibatch_stddev"
        case .firFilter: "fir_filter"
        case .globalSumPool: "global_sum_pool"
        case .fourierFeatures: "fourier_features"
        // ToRGB (no demodulation) launches fewer kernels than a synthesis layer, so it has a name of its own.
        case .groupedModulatedConv2d(let m): m.demodulate ? "grouped_modulated_conv2d" : "grouped_to_rgb"
        case .filteredLeakyReLU: "filtered_lrelu"
        case .separableBlur: "blur"
        case .conv1d: "conv1d"
        case .motionSampling: "motion_sampling"
        case .temporalInput: "temporal_input"
        case .timeGapEncoding: "time_gap_encoding"
        }
    }

    /// Number of learned parameters (buffers such as running statistics and spectral-norm
    /// `u` vectors are not parameters, as in PyTorch's `parameters()`).
    public func parameterCount(output: TensorShape) -> Int {
        switch self {
        case .input, .activation, .upsample, .avgPool, .add, .concat, .slice, .reshape,
            .projection, .pixelNorm, .minibatchStdDev, .firFilter, .globalSumPool, .fourierFeatures,
            .filteredLeakyReLU, .separableBlur, .motionSampling:
            return 0
        case .conv1d(let c):
            return c.inChannels * c.outChannels * c.kernel + (c.bias ? c.outChannels : 0)
        case .temporalInput(let constant, let size):
            return constant * size * size
        case .timeGapEncoding(let maxFrames, let features, _):
            return maxFrames * features
        case .learnedConstant:
            return output.elementCount
        case .linear(let c):
            return c.inFeatures * c.outFeatures + (c.bias ? c.outFeatures : 0)
        case .conv2d(let c), .convTranspose2d(let c):
            return c.weightCount + (c.bias ? c.outChannels : 0)
        case .batchNorm(let channels, let affine):
            return affine ? 2 * channels : 0
        case .conditionalBatchNorm(let channels, let cond, _):
            return 2 * cond * channels
        case .selfAttention(let c, _):
            return 2 * c * (c / 8) + 2 * c * (c / 2) + 1
        case .embedding(let classes, let features):
            return classes * features
        case .modulatedConv2d(let m), .toRGB(let m), .groupedModulatedConv2d(let m):
            return m.wDim * m.inChannels + m.inChannels + m.outChannels * m.inChannels * m.kernel * m.kernel
                + m.outChannels
        case .noiseInjection:
            return 1
        }
    }

    /// Infers the output shape from the input shapes, or explains why they do not fit.
    ///
    /// `declared` is the shape the builder gave for inputs and learned constants.
    public func outputShape(inputs: [TensorShape], declared: TensorShape?) throws(GraphError) -> TensorShape {
        func fail(_ reason: String) -> GraphError { GraphError(op: name, reason: reason) }
        func expectInputs(_ n: Int) throws(GraphError) {
            guard inputs.count == n else { throw fail("expects \(n) input(s), got \(inputs.count)") }
        }
        func expectImage(_ s: TensorShape, channels: Int) throws(GraphError) {
            guard s.isImage else { throw fail("expects a (C,H,W) input, got \(s)") }
            guard s.channels == channels else { throw fail("expects \(channels) input channels, got \(s)") }
        }
        switch self {
        case .input, .learnedConstant:
            guard let declared, inputs.isEmpty else { throw fail("needs a declared shape and no inputs") }
            return declared
        case .linear(let c):
            try expectInputs(1)
            guard inputs[0].elementCount == c.inFeatures, inputs[0].dims.count == 1 else {
                throw fail("expects a vector of \(c.inFeatures) features, got \(inputs[0])")
            }
            return .vector(c.outFeatures)
        case .conv2d(let c):
            try expectInputs(1)
            try expectImage(inputs[0], channels: c.inChannels)
            let h = (inputs[0].height + 2 * c.padding - c.kernel) / c.stride + 1
            let w = (inputs[0].width + 2 * c.padding - c.kernel) / c.stride + 1
            guard h > 0, w > 0 else { throw fail("kernel \(c.kernel) does not fit input \(inputs[0])") }
            return .image(c.outChannels, h, w)
        case .convTranspose2d(let c):
            try expectInputs(1)
            try expectImage(inputs[0], channels: c.inChannels)
            let h = (inputs[0].height - 1) * c.stride - 2 * c.padding + c.kernel
            let w = (inputs[0].width - 1) * c.stride - 2 * c.padding + c.kernel
            guard h > 0, w > 0 else { throw fail("padding \(c.padding) leaves no output for \(inputs[0])") }
            return .image(c.outChannels, h, w)
        case .batchNorm(let channels, _):
            try expectInputs(1)
            guard inputs[0].channels == channels else { throw fail("expects \(channels) channels, got \(inputs[0])") }
            return inputs[0]
        case .conditionalBatchNorm(let channels, let cond, _):
            try expectInputs(2)
            try expectImage(inputs[0], channels: channels)
            guard inputs[1] == .vector(cond) else { throw fail("expects a condition of \(cond) features, got \(inputs[1])") }
            return inputs[0]
        case .activation, .pixelNorm:
            try expectInputs(1)
            return inputs[0]
        case .noiseInjection:
            try expectInputs(1)
            guard inputs[0].isImage else { throw fail("expects a (C,H,W) input, got \(inputs[0])") }
            return inputs[0]
        case .upsample(let f):
            try expectInputs(1)
            guard inputs[0].isImage, f >= 1 else { throw fail("expects a (C,H,W) input and factor >= 1") }
            return .image(inputs[0].channels, inputs[0].height * f, inputs[0].width * f)
        case .avgPool(let k):
            try expectInputs(1)
            guard inputs[0].isImage, k >= 1, inputs[0].height % k == 0, inputs[0].width % k == 0 else {
                throw fail("window \(k) does not divide input \(inputs[0])")
            }
            return .image(inputs[0].channels, inputs[0].height / k, inputs[0].width / k)
        case .firFilter(_, let down):
            try expectInputs(1)
            guard inputs[0].isImage, down >= 1, inputs[0].height % down == 0 else {
                throw fail("downsampling \(down) does not divide input \(inputs[0])")
            }
            return .image(inputs[0].channels, inputs[0].height / down, inputs[0].width / down)
        case .add:
            try expectInputs(2)
            guard inputs[0] == inputs[1] else { throw fail("adds \(inputs[0]) and \(inputs[1]) of different shapes") }
            return inputs[0]
        case .concat:
            guard inputs.count >= 2 else { throw fail("expects at least 2 inputs") }
            let rest = inputs[0].dims.dropFirst()
            guard inputs.allSatisfy({ $0.dims.dropFirst() == rest }) else {
                throw fail("inputs \(inputs) differ beyond the first dimension")
            }
            return TensorShape([inputs.map(\.channels).reduce(0, +)] + rest)
        case .slice(let start, let count):
            try expectInputs(1)
            guard inputs[0].dims.count == 1, start >= 0, count > 0, start + count <= inputs[0].channels else {
                throw fail("slice [\(start), \(start + count)) is outside \(inputs[0])")
            }
            return .vector(count)
        case .reshape(let shape):
            try expectInputs(1)
            guard shape.elementCount == inputs[0].elementCount else {
                throw fail("cannot reshape \(inputs[0]) to \(shape)")
            }
            return shape
        case .selfAttention(let c, _):
            try expectInputs(1)
            try expectImage(inputs[0], channels: c)
            guard c % 8 == 0, inputs[0].height % 2 == 0, inputs[0].width % 2 == 0 else {
                throw fail("needs channels divisible by 8 and even spatial size, got \(inputs[0])")
            }
            return inputs[0]
        case .embedding(_, let features):
            try expectInputs(1)
            guard inputs[0] == .vector(1) else { throw fail("expects a class label [1], got \(inputs[0])") }
            return .vector(features)
        case .projection:
            try expectInputs(2)
            guard inputs[0] == inputs[1], inputs[0].dims.count == 1 else {
                throw fail("expects two equal vectors, got \(inputs)")
            }
            return .vector(1)
        case .modulatedConv2d(let m), .toRGB(let m):
            try expectInputs(2)
            try expectImage(inputs[0], channels: m.inChannels)
            guard inputs[1] == .vector(m.wDim) else { throw fail("expects w of \(m.wDim) features, got \(inputs[1])") }
            return .image(m.outChannels, inputs[0].height * m.up, inputs[0].width * m.up)
        case .minibatchStdDev(_, let extra):
            try expectInputs(1)
            guard inputs[0].isImage else { throw fail("expects a (C,H,W) input, got \(inputs[0])") }
            return .image(inputs[0].channels + extra, inputs[0].height, inputs[0].width)
        case .globalSumPool:
            try expectInputs(1)
            guard inputs[0].isImage else { throw fail("expects a (C,H,W) input, got \(inputs[0])") }
            return .vector(inputs[0].channels)
        case .fourierFeatures(let channels, let size):
            try expectInputs(1)
            guard inputs[0] == .vector(4), channels > 0, size > 0 else {
                throw fail("expects the 4 affine outputs and positive channels and size, got \(inputs[0])")
            }
            return .image(channels, size, size)
        case .groupedModulatedConv2d(let m):
            try expectInputs(2)
            try expectImage(inputs[0], channels: m.inChannels)
            guard inputs[1] == .vector(m.wDim) else { throw fail("expects w of \(m.wDim) features, got \(inputs[1])") }
            return .image(m.outChannels, inputs[0].height + m.kernel - 1, inputs[0].width + m.kernel - 1)
        case .filteredLeakyReLU(let c):
            try expectInputs(1)
            guard inputs[0].isImage, c.up >= 1, c.down >= 1, c.upTaps >= 1, c.downTaps >= 1, c.outSize > 0 else {
                throw fail("expects a (C,H,W) input and positive factors, taps and size, got \(inputs[0])")
            }
            return .image(inputs[0].channels, c.outSize, c.outSize)
        case .separableBlur(let taps):
            try expectInputs(1)
            guard inputs[0].isImage, taps >= 1 else { throw fail("expects a (C,H,W) input and taps >= 1, got \(inputs[0])") }
            return inputs[0]
        case .conv1d(let c):
            try expectInputs(1)
            guard inputs[0].dims.count == 2, inputs[0].channels == c.inChannels, c.stride >= 1 else {
                throw fail("expects a (\(c.inChannels), L) sequence, got \(inputs[0])")
            }
            let length = (inputs[0].dims[1] + 2 * c.padding - c.kernel) / c.stride + 1
            guard length > 0 else { throw fail("kernel \(c.kernel) does not fit input \(inputs[0])") }
            return TensorShape([c.outChannels, length])
        case .motionSampling(let timeFeatures):
            try expectInputs(2)
            guard inputs[0].dims.count == 2, inputs[1].dims.count == 1, timeFeatures >= 0 else {
                throw fail("expects a (C, L) trajectory and (F) frame times, got \(inputs)")
            }
            return TensorShape([inputs[0].channels + timeFeatures, inputs[1].channels])
        case .temporalInput(let constant, let size):
            try expectInputs(1)
            guard inputs[0].dims.count == 2, constant > 0, size > 0 else {
                throw fail("expects (M, F) motion codes, got \(inputs[0])")
            }
            return .image(constant + inputs[0].channels, inputs[0].dims[1] * size, size)
        case .timeGapEncoding(let maxFrames, let features, let frequencies):
            try expectInputs(1)
            guard inputs[0].dims.count == 1, maxFrames > 0, features > 0, frequencies >= 0 else {
                throw fail("expects (G) time gaps, got \(inputs[0])")
            }
            return .vector(inputs[0].channels * (features + 2 * frequencies))
        }
    }
}
