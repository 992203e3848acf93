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
    /// Images in one sample: the frames of a video (StyleGAN-V), 1 for image GANs. Training lengths in kimg count
    /// images (the official loops' `cur_nimg`), so a sample counts this many.
    public var imagesPerSample: Int

    public init(config: ModelConfig, name: String, generator: Graph, discriminator: Graph,
                phases: [GANPhase] = [], preset: ModelPreset? = nil, imagesPerSample: Int = 1) {
        self.config = config
        self.name = name
        self.generator = generator
        self.discriminator = discriminator
        self.phases = phases
        self.preset = preset
        self.imagesPerSample = imagesPerSample
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
