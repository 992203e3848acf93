/// A named configuration from an architecture's official code (e.g. StyleGAN2 `config-f`).
public struct ModelPreset: Sendable, Hashable {
    public var name: String
    /// What the preset is, with its source.
    public var summary: String
    /// Resolution the preset is defined for, if it fixes one.
    public var resolution: Int?
    /// The training batch (all GPUs together) the official code uses with it.
    public var referenceBatch: Int?
    /// The official code's number of GPUs for `referenceBatch`.
    public var referenceGPUs: Int?

    public init(name: String, summary: String, resolution: Int? = nil, referenceBatch: Int? = nil,
                referenceGPUs: Int? = nil) {
        self.name = name
        self.summary = summary
        self.resolution = resolution
        self.referenceBatch = referenceBatch
        self.referenceGPUs = referenceGPUs
    }
}
