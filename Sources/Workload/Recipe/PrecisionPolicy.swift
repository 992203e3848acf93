/// Which precision each op runs in: one format everywhere, or (StyleGAN2-ADA style)
/// reduced precision only in the highest-resolution blocks and fp32 elsewhere.
public struct PrecisionPolicy: Sendable, Hashable, Codable {
    /// The format of the reduced-precision (or only) blocks.
    public var precision: Precision
    /// If set, only ops in the `highestResolutions` largest resolutions use `precision`;
    /// others, and non-image ops such as the mapping network, run in fp32.
    /// stylegan2-ada-pytorch uses `num_fp16_res = 4`.
    public var highestResolutions: Int?

    public init(_ precision: Precision, highestResolutions: Int? = nil) {
        self.precision = precision
        self.highestResolutions = highestResolutions
    }

    /// The precision of `op` in a graph whose largest resolution is `top`.
    public func precision(of op: Op, topResolution top: Int) -> Precision {
        guard let n = highestResolutions else { return precision }
        let threshold = top >> max(0, n - 1)
        return op.resolution > 0 && op.resolution >= threshold ? precision : .fp32
    }
}
