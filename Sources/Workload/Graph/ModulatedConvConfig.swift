/// The hyper-parameters of a StyleGAN2 modulated convolution (`SynthesisLayer`, `ToRGBLayer`).
///
/// The style affine maps `w` (`wDim`) to one scale per input channel; the weight is
/// modulated per sample, optionally demodulated, and the convolution optionally
/// upsamples by `up` (transposed convolution followed by a 4x4 FIR blur, as in the
/// official stylegan2-ada-pytorch `modulated_conv2d`).
public struct ModulatedConvConfig: Hashable, Sendable, Codable {
    public var inChannels: Int
    public var outChannels: Int
    public var kernel: Int
    /// Width of the intermediate latent `w`.
    public var wDim: Int
    public var demodulate: Bool
    /// Upsampling factor, 1 or 2.
    public var up: Int

    public init(inChannels: Int, outChannels: Int, kernel: Int, wDim: Int, demodulate: Bool, up: Int) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.wDim = wDim
        self.demodulate = demodulate
        self.up = up
    }
}
