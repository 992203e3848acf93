/// The hyper-parameters of a fully connected layer `y = x W^T + b`.
public struct LinearConfig: Hashable, Sendable, Codable {
    public var inFeatures: Int
    public var outFeatures: Int
    public var bias: Bool
    /// Whether the weight is spectrally normalised (one power iteration per forward).
    public var spectralNorm: Bool

    public init(inFeatures: Int, outFeatures: Int, bias: Bool = true, spectralNorm: Bool = false) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.bias = bias
        self.spectralNorm = spectralNorm
    }
}
