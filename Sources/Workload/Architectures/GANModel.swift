/// A built GAN: its generator and discriminator graphs and what they were built from.
public struct GANModel: Sendable {
    public var config: ModelConfig
    /// A readable name such as `biggan-128 (ch 96)`.
    public var name: String
    public var generator: Graph
    public var discriminator: Graph
    /// Phases of progressive growing (ProGAN), each a full model; empty otherwise.
    public var phases: [GANPhase]
    /// The official preset used, if any.
    public var preset: ModelPreset?

    public init(config: ModelConfig, name: String, generator: Graph, discriminator: Graph,
                phases: [GANPhase] = [], preset: ModelPreset? = nil) {
        self.config = config
        self.name = name
        self.generator = generator
        self.discriminator = discriminator
        self.phases = phases
        self.preset = preset
    }

    /// The generated image (or point) shape per sample.
    public var sampleShape: TensorShape { generator.outputShape }
}

extension GANModel {
    /// The graph of one of the two networks.
    public func graph(_ role: NetworkRole) -> Graph {
        switch role {
        case .generator: generator
        case .discriminator: discriminator
        }
    }
}
