/// Groups of ops that share achieved throughput and overhead on a device; calibration
/// fits one set of parameters per class.
///
/// Classes split off a broader one (`fallback`) take its fitted parameters when a fit
/// has too few samples of their own.
public enum OpClass: String, CaseIterable, Codable, Sendable, Hashable, CodingKeyRepresentable {
    /// Fully connected layers (one GEMM).
    case matmul
    /// Convolutions (direct kernels on CPUs, implicit GEMM on GPUs), modulated ones included.
    case convolution
    /// Transposed convolutions: a product of other shapes and a scatter instead of a
    /// gather, so they get their own parameters.
    case transposedConvolution
    /// Batch statistics and normalisations (two passes over the data).
    case normalization
    /// Pointwise and data-movement ops.
    case elementwise
    /// Pointwise transcendental functions (tanh, sigmoid): on a CPU libm's cost per
    /// element, not memory traffic, bounds their forward. Their backward goes through the
    /// saved output (`dy * (1 - y^2)`, `dy * y * (1 - y)`), plain arithmetic priced as
    /// `elementwise` (`pricing(pass:)`).
    case transcendental
    /// Resampling and pooling (upsample, average/sum pooling, FIR filters): strided
    /// gathers and scatters rather than streaming passes.
    case resampling
    /// Self-attention blocks.
    case attention
    /// Optimizer and EMA updates over all parameters.
    case update
}

extension OpKind {
    /// The class whose calibrated parameters price this op.
    public var opClass: OpClass {
        switch self {
        case .linear: .matmul
        case .conv2d, .modulatedConv2d, .toRGB, .groupedModulatedConv2d, .conv1d: .convolution
        case .convTranspose2d: .transposedConvolution
        case .batchNorm, .conditionalBatchNorm, .pixelNorm, .minibatchStdDev: .normalization
        case .selfAttention: .attention
        case .activation(.tanh), .activation(.sigmoid): .transcendental
        case .upsample, .avgPool, .firFilter, .globalSumPool, .filteredLeakyReLU, .separableBlur: .resampling
        // Sinusoids per element (StyleGAN3's input, StyleGAN-V's time encodings).
        case .fourierFeatures, .motionSampling, .timeGapEncoding: .transcendental
        case .input, .learnedConstant, .activation, .add, .concat, .slice, .reshape, .embedding, .projection,
            .noiseInjection, .temporalInput:
            .elementwise
        }
    }
}
