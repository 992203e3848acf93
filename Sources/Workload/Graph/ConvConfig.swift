/// The hyper-parameters of a 2-D convolution or transposed convolution.
public struct ConvConfig: Hashable, Sendable, Codable {
    public var inChannels: Int
    public var outChannels: Int
    /// Square kernel side, in pixels.
    public var kernel: Int
    public var stride: Int
    /// Zero padding on each side, in pixels.
    public var padding: Int
    public var bias: Bool
    /// Whether the weight is spectrally normalised (one power iteration per forward).
    public var spectralNorm: Bool

    public init(
        inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
        bias: Bool = true, spectralNorm: Bool = false
    ) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.bias = bias
        self.spectralNorm = spectralNorm
    }

    /// Elements of the weight tensor `(out, in, k, k)` (or `(in, out, k, k)` transposed).
    public var weightCount: Int { inChannels * outChannels * kernel * kernel }
}
