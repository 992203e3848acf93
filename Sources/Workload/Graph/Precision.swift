/// The numeric format an op computes and stores its activations in.
///
/// `tf32` stores fp32 but runs matrix products on TF32 tensor cores; `fp16` and `bf16`
/// store 2-byte activations and keep fp32 master weights (mixed precision).
public enum Precision: String, CaseIterable, Codable, Sendable, Hashable {
    case fp32, tf32, fp16, bf16

    /// Bytes of one stored activation element.
    public var bytesPerElement: Int {
        switch self {
        case .fp32, .tf32: 4
        case .fp16, .bf16: 2
        }
    }

    /// Whether training keeps separate fp32 master weights (mixed precision).
    public var usesMasterWeights: Bool { bytesPerElement < 4 }
}
