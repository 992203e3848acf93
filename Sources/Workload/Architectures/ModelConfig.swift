import Foundation
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
    /// Pruning or slimming of G: its width knob times this (StyleGAN2's `channel_base`, DCGAN's `ngf`, BigGAN's
    /// `G_ch`, ...), rounded to a multiple the architecture takes; nil: 1.
    public var generatorChannels: Double?
    /// The same for D (`channel_base` of D, `ndf`, `D_ch`, ...); nil: 1.
    public var discriminatorChannels: Double?
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
        if let g = generatorChannels { s += String(format: " G x%g", g) }
        if let d = discriminatorChannels { s += String(format: " D x%g", d) }
        if let f = frames { s += " \(f)f" }
        return s
    }

    /// Builds the model; knobs and sizes beyond `WorkloadLimits` are refused with the limit named.
    ///
    /// With channel multipliers, G comes from the model built at G's scaled width and D from the one at D's (each
    /// architecture's width knob sets both networks' channels, so this holds for every builder).
    public func build() throws(ModelError) -> GANModel {
        try WorkloadLimits.check(self)
        if let f = frames, architecture != .styleganV {
            throw .invalid(field: "frames", value: "\(f)", expected: "no frames: \(architecture.rawValue) is an image GAN (only stylegan-v takes frames)")
        }
        var model: GANModel
        if generatorChannels == nil && discriminatorChannels == nil {
            model = try architecture.build(self)
        } else {
            let g = try architecture.build(try scaled(generatorChannels, field: "generatorChannels"))
            let d = try architecture.build(try scaled(discriminatorChannels, field: "discriminatorChannels"))
            let phases = zip(g.phases, d.phases).map { pair in
                var phase = pair.0
                phase.discriminator = pair.1.discriminator
                return phase
            }
            let label = String(format: "G channels x%g, D channels x%g", generatorChannels ?? 1, discriminatorChannels ?? 1)
            model = GANModel(config: self, name: "\(g.name), \(label)", generator: g.generator, discriminator: d.discriminator,
                             phases: phases, preset: g.preset)
        }
        try WorkloadLimits.check(model, config: self)
        return model
    }

    /// This configuration without multipliers, its width knob times `factor` rounded to the architecture's multiple.
    private func scaled(_ factor: Double?, field: String) throws(ModelError) -> ModelConfig {
        var plain = self
        plain.generatorChannels = nil
        plain.discriminatorChannels = nil
        guard let factor else { return plain }
        guard factor > 0, factor <= 16, factor.isFinite else {
            throw .invalid(field: field, value: "\(factor)", expected: "a multiplier above 0 and at most 16")
        }
        let multiple = architecture.builder.widthMultiple
        let width = try architecture.builder.effectiveWidth(plain)
        plain.width = max(multiple, Int((Double(width) * factor / Double(multiple)).rounded()) * multiple)
        return plain
    }
}
