/// What an op computes. Each case carries the hyper-parameters that fix its parameters,
/// shapes and costs.
public enum OpKind: Hashable, Sendable {
    /// A graph input (latent `z`, an image, a class label); shape given by the builder.
    case input
    /// A learned tensor broadcast over the batch (StyleGAN2's 4x4 `const` input).
    case learnedConstant
    case linear(LinearConfig)
    case conv2d(ConvConfig)
    case convTranspose2d(ConvConfig)
    /// Batch norm in training mode; `affine` adds a learned gain and bias per channel.
    case batchNorm(channels: Int, affine: Bool)
    /// Class-conditional batch norm (BigGAN `ccbn`): inputs `x (C,H,W)` and a condition
    /// vector; per-sample gain and bias come from two bias-free linears of the condition.
    case conditionalBatchNorm(channels: Int, conditionFeatures: Int, spectralNorm: Bool)
    case activation(Activation)
    /// Nearest-neighbour upsampling by an integer factor.
    case upsample(factor: Int)
    /// Average pooling with a square window equal to its stride.
    case avgPool(kernel: Int)
    /// Elementwise sum of two equally shaped inputs (residual connection).
    case add
    /// Concatenation along the first (channel / feature) dimension.
    case concat
    /// A contiguous slice `[start, start+count)` of a feature vector (BigGAN's z chunks).
    case slice(start: Int, count: Int)
    /// A reshape (view, no data movement).
    case reshape(TensorShape)
    /// SAGAN / BigGAN self-attention block with 1x1 theta, phi, g, o convolutions,
    /// 2x2 max-pooled phi and g, and a learned residual gain gamma.
    case selfAttention(channels: Int, spectralNorm: Bool)
    /// A lookup table `classes x features`; input is a class label.
    case embedding(classes: Int, features: Int)
    /// Projection discriminator term: per-sample inner product of its two inputs.
    case projection
    /// Normalise each sample to unit second moment over its first dimension
    /// (ProGAN pixel norm, StyleGAN2 `normalize_2nd_moment`).
    case pixelNorm
    /// StyleGAN2 modulated (and demodulated) convolution with bias; inputs `x`, `w`.
    case modulatedConv2d(ModulatedConvConfig)
    /// StyleGAN2 toRGB: a modulated 1x1 convolution without demodulation; inputs `x`, `w`.
    case toRGB(ModulatedConvConfig)
    /// StyleGAN2 per-pixel noise with a learned strength (one parameter).
    case noiseInjection
    /// Minibatch standard deviation (ProGAN/StyleGAN2): appends `statChannels` feature maps.
    case minibatchStdDev(groupSize: Int, statChannels: Int)
    /// A `taps x taps` FIR low-pass filter, optionally keeping every `down`-th pixel
    /// (StyleGAN2 `upfirdn2d` used around strided convolutions).
    case firFilter(taps: Int, down: Int)
    /// Sum over the spatial dimensions: `(C,H,W) -> (C)` (SNGAN ResNet discriminator).
    case globalSumPool
}
