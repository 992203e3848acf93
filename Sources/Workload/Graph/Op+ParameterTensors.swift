extension Op {
    /// Learned parameter tensors of the op as the reference implementations declare them (weight, bias, affine
    /// weight and bias of a modulated convolution, noise strength, ...): what per-tensor optimizer, EMA and
    /// data-parallel work loops over. Buffers (running statistics, spectral-norm vectors, fixed noise) are not counted.
    public var parameterTensorCount: Int {
        switch kind {
        case .linear(let c): 1 + (c.bias ? 1 : 0)
        case .conv2d(let c), .convTranspose2d(let c): 1 + (c.bias ? 1 : 0)
        case .batchNorm(_, let affine): affine ? 2 : 0
        case .conditionalBatchNorm: 2
        case .selfAttention: 5
        case .embedding: 1
        // stylegan2-ada-pytorch networks.py: SynthesisLayer and ToRGBLayer hold weight, bias and an affine
        // FullyConnectedLayer (weight, bias); SynthesisLayer's noise_strength; the constant input of block 4.
        // networks_stylegan3.py SynthesisLayer likewise (its magnitude EMA is a buffer).
        case .modulatedConv2d, .toRGB, .groupedModulatedConv2d: 4
        case .noiseInjection, .learnedConstant, .temporalInput, .timeGapEncoding: 1
        case .conv1d(let c): 1 + (c.bias ? 1 : 0)
        case .input, .activation, .upsample, .avgPool, .add, .concat, .slice, .reshape, .projection, .pixelNorm,
            .minibatchStdDev, .firFilter, .globalSumPool, .fourierFeatures, .filteredLeakyReLU, .separableBlur,
            .motionSampling:
            0
        }
    }

    /// Elements of each learned parameter tensor of the op, in the order of `parameterTensorCount`'s list. Invariant:
    /// as many entries as `parameterTensorCount`, summing to `parameterCount`; the memory model rounds each tensor
    /// (and its gradient, optimizer state and EMA copy) as the caching allocator does, so it needs them apart.
    public var parameterTensorElements: [Int] {
        switch kind {
        case .linear(let c): [c.inFeatures * c.outFeatures] + (c.bias ? [c.outFeatures] : [])
        case .conv2d(let c), .convTranspose2d(let c): [c.weightCount] + (c.bias ? [c.outChannels] : [])
        case .batchNorm(let channels, let affine): affine ? [channels, channels] : []
        // Gain and bias, each a `cond x channels` product (BigGAN's class-conditional batch norm).
        case .conditionalBatchNorm(let channels, let cond, _): [cond * channels, cond * channels]
        // theta and phi (c x c/8), g (c x c/2), o (c/2 x c), gamma (BigGAN's SelfAttention).
        case .selfAttention(let c, _): [c * (c / 8), c * (c / 8), c * (c / 2), (c / 2) * c, 1]
        case .embedding(let classes, let features): [classes * features]
        // Affine weight and bias, convolution weight and bias (networks.py's order of declaration).
        case .modulatedConv2d(let m), .toRGB(let m), .groupedModulatedConv2d(let m):
            [m.wDim * m.inChannels, m.inChannels, m.outChannels * m.inChannels * m.kernel * m.kernel, m.outChannels]
        case .noiseInjection: [1]
        case .learnedConstant: [outputShape.elementCount]
        case .conv1d(let c): [c.inChannels * c.outChannels * c.kernel] + (c.bias ? [c.outChannels] : [])
        case .temporalInput(let constant, let size): [constant * size * size]
        case .timeGapEncoding(let maxFrames, let features, _): [maxFrames * features]
        case .input, .activation, .upsample, .avgPool, .add, .concat, .slice, .reshape, .projection, .pixelNorm,
            .minibatchStdDev, .firFilter, .globalSumPool, .fourierFeatures, .filteredLeakyReLU, .separableBlur,
            .motionSampling:
            []
        }
    }
}

extension Graph {
    /// Learned parameter tensors of the network (`Op.parameterTensorCount` summed).
    public var parameterTensorCount: Int { ops.reduce(0) { $0 + $1.parameterTensorCount } }
}
