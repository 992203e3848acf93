/// Which network to build: an architecture and its knobs. Unset knobs take the
/// architecture's defaults (those of its official code).
public struct ModelConfig: Sendable, Hashable, Codable {
    public var architecture: Architecture
    /// Output resolution in pixels per side.
    public var resolution: Int?
    /// The architecture's width knob (`ngf`=`ndf` for DCGAN, `ch` for BigGAN, hidden
    /// units for mlp-gan, G channels for resnet-gan, `channel_base` for StyleGAN2).
    public var width: Int?
    /// A named configuration of the official code.
    public var preset: String?
    /// Latent dimension (`nz`, `dim_z`); architecture default when nil.
    public var latentDim: Int?
    /// StyleGAN2 mapping-network depth; preset default when nil.
    public var mappingLayers: Int?
    /// Number of classes of a class-conditional model (BigGAN); 1000 (ImageNet) when nil.
    public var classes: Int?
    /// BigGAN self-attention resolution; 64 (the official default) when nil, 0 for none.
    public var attentionResolution: Int?
    /// Frames per video of a video GAN (StyleGAN-V: 3 when nil); image GANs refuse it.
    public var frames: Int?

    public init(
        architecture: Architecture, resolution: Int? = nil, width: Int? = nil, preset: String? = nil,
        latentDim: Int? = nil, mappingLayers: Int? = nil, classes: Int? = nil, attentionResolution: Int? = nil,
        frames: Int? = nil
    ) {
        self.architecture = architecture
        self.resolution = resolution
        self.width = width
        self.preset = preset
        self.latentDim = latentDim
        self.mappingLayers = mappingLayers
        self.classes = classes
        self.attentionResolution = attentionResolution
        self.frames = frames
    }

    /// A short label of the architecture and the knobs given, such as `dcgan-32 w64` or
    /// `stylegan2-256 w16384 ffhq`.
    public var label: String {
        var s = architecture.rawValue
        if let r = resolution { s += "-\(r)" }
        if let w = width { s += " w\(w)" }
        if let p = preset { s += " \(p)" }
        if let f = frames { s += " \(f)f" }
        return s
    }

    /// Builds the model; knobs and sizes beyond `WorkloadLimits` are refused with the limit named.
    public func build() throws(ModelError) -> GANModel {
        try WorkloadLimits.check(self)
        if let f = frames, architecture != .styleganV {
            throw .invalid(field: "frames", value: "\(f)", expected: "no frames: \(architecture.rawValue) is an image GAN (only stylegan-v takes frames)")
        }
        let model = try architecture.build(self)
        try WorkloadLimits.check(model, config: self)
        return model
    }
}
