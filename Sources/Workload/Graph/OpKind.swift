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
    /// StyleGAN3's Fourier-feature input (`SynthesisInput`): from the 4 affine outputs (rotation, translation) of
    /// `w`, `channels` sinusoids sampled on a `size x size` grid: `(4) -> (channels, size, size)`. Its `channels x
    /// channels` mixing weight is a separate bias-free 1x1 convolution.
    case fourierFeatures(channels: Int, size: Int)
    /// StyleGAN3's modulated convolution (`modulated_conv2d` in networks_stylegan3.py): per-sample weights (styles,
    /// demodulation, magnitude-EMA input gain) run as one grouped convolution with the batch as groups, padding
    /// `kernel - 1`: `(I, H, W), (w) -> (O, H + k - 1, W + k - 1)`. Holds the layer's bias, which `filteredLeakyReLU`
    /// applies. `up` is unused (1).
    case groupedModulatedConv2d(ModulatedConvConfig)
    /// StyleGAN3's fused `filtered_lrelu` plugin call: `(C, S, S) -> (C, outSize, outSize)`.
    case filteredLeakyReLU(FilteredLReLUConfig)
    /// A separable `taps`-tap low-pass filter, same size out (StyleGAN3-R's Gaussian blur of D's inputs,
    /// `upfirdn2d.filter2d` with a 1-D filter).
    case separableBlur(taps: Int)
    /// A 1-D convolution over `(C, L)` sequences (StyleGAN-V's motion network): `(I, L) -> (O, (L + 2p - k) / s + 1)`;
    /// `kernel` is the 1-D kernel length.
    case conv1d(ConvConfig)
    /// StyleGAN-V's motion sampling: each frame's motion code interpolated from the trajectory at the frame's time,
    /// joined with a Fourier encoding of the time of `timeFeatures` features: `(C, L), (F) -> (C + timeFeatures, F)`.
    case motionSampling(timeFeatures: Int)
    /// StyleGAN-V's temporal input: a learned `(constantChannels, size, size)` constant joined with each frame's motion
    /// code broadcast over the grid, frames stacked along the height: `(M, F) -> (constantChannels + M, F * size, size)`.
    case temporalInput(constantChannels: Int, size: Int)
    /// StyleGAN-V's time-gap encoder in D: per gap a learned `maxFrames x features` embedding row and a fixed Fourier
    /// encoding of `2 * frequencies` features: `(G) -> (G * (features + 2 * frequencies))`.
    case timeGapEncoding(maxFrames: Int, features: Int, frequencies: Int)
}
