/// Groups of ops that share achieved throughput and overhead on a device; calibration
/// fits one set of parameters per class.
public enum OpClass: String, CaseIterable, Codable, Sendable, Hashable, CodingKeyRepresentable {
    /// Fully connected layers (one GEMM).
    case matmul
    /// Convolutions of every flavour (im2col + GEMM on CPUs, implicit GEMM on GPUs).
    case convolution
    /// Batch statistics and normalisations (two passes over the data).
    case normalization
    /// Pointwise and data-movement ops.
    case elementwise
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
        case .conv2d, .convTranspose2d, .modulatedConv2d, .toRGB: .convolution
        case .batchNorm, .conditionalBatchNorm, .pixelNorm, .minibatchStdDev: .normalization
        case .selfAttention: .attention
        case .input, .learnedConstant, .activation, .upsample, .avgPool, .add, .concat, .slice, .reshape,
            .embedding, .projection, .noiseInjection, .firFilter, .globalSumPool:
            .elementwise
        }
    }
}
