/// The numeric format an op computes and stores its activations in.
///
/// `tf32` stores fp32 but runs matrix products on TF32 tensor cores; `fp16` and `bf16`
/// store 2-byte activations and keep fp32 master weights (mixed precision). `fp8` is FP8
/// matrix products as NVIDIA Transformer Engine runs them: the inputs of each matrix product
/// are cast to fp8 and the product runs at the device's fp8 peak, while activations are
/// stored and everything else computed in bf16, with fp32 master weights; so it stores 2-byte
/// activations like bf16 and needs a device with an fp8 peak.
public enum Precision: String, CaseIterable, Codable, Sendable, Hashable {
    case fp32, tf32, fp16, bf16, fp8

    /// Bytes of one stored activation element.
    public var bytesPerElement: Int {
        switch self {
        case .fp32, .tf32: 4
        case .fp16, .bf16, .fp8: 2
        }
    }

    /// Whether training keeps separate fp32 master weights (mixed precision).
    public var usesMasterWeights: Bool { bytesPerElement < 4 }
}
