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
        case .modulatedConv2d, .toRGB: 4
        case .noiseInjection, .learnedConstant: 1
        case .input, .activation, .upsample, .avgPool, .add, .concat, .slice, .reshape, .projection, .pixelNorm,
            .minibatchStdDev, .firFilter, .globalSumPool:
            0
        }
    }
}

extension Graph {
    /// Learned parameter tensors of the network (`Op.parameterTensorCount` summed).
    public var parameterTensorCount: Int { ops.reduce(0) { $0 + $1.parameterTensorCount } }
}
