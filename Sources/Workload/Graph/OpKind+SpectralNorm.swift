extension OpKind {
    /// Weights of the op that are spectrally normalised on every forward: a spectral-norm convolution or linear layer
    /// holds one, a conditional batch norm with spectral-norm gain and bias layers two, a spectral-norm self-attention
    /// block four (theta, phi, g and o; BigGAN-PyTorch layers.py `Attention`, `ccbn`).
    public var spectrallyNormalisedWeights: Int {
        switch self {
        case .linear(let c): c.spectralNorm ? 1 : 0
        case .conv2d(let c), .convTranspose2d(let c): c.spectralNorm ? 1 : 0
        case .conditionalBatchNorm(_, _, let spectralNorm): spectralNorm ? 2 : 0
        case .selfAttention(_, let spectralNorm): spectralNorm ? 4 : 0
        default: 0
        }
    }
}
