/// The GAN architectures gansim can build.
public enum Architecture: String, CaseIterable, Codable, Sendable {
    case mlpGAN = "mlp-gan"
    case dcgan
    case resnetGAN = "resnet-gan"
    case biggan
    case stylegan2
    case progan
    case stylegan3
    case styleganV = "stylegan-v"

    /// One line on what the architecture is and where its definition comes from.
    public var summary: String {
        switch self {
        case .mlpGAN: "2-D toy GAN, MLP G and D (Metz et al. 2017, unrolled-GAN mixture-of-Gaussians setup)"
        case .dcgan: "DCGAN (Radford et al. 2016) as in the PyTorch examples/dcgan code"
        case .resnetGAN: "SNGAN ResNet for CIFAR, 32x32 (Miyato et al. 2018)"
        case .biggan: "BigGAN (Brock et al. 2019) as in ajbrock/BigGAN-PyTorch"
        case .stylegan2: "StyleGAN2 (Karras et al. 2020) as in NVlabs/stylegan2-ada-pytorch"
        case .progan: "Progressive GAN (Karras et al. 2018), NVlabs progressive_growing_of_gans"
        case .stylegan3: "StyleGAN3-T/R (Karras et al. 2021), alias-free G, StyleGAN2 D, as in NVlabs/stylegan3"
        case .styleganV: "StyleGAN-V (Skorokhodov et al. 2022) video GAN, as in universome/stylegan-v; --frames per video"
        }
    }

    /// The builder that turns a configuration of this architecture into graphs.
    var builder: any ArchitectureBuilder.Type {
        switch self {
        case .mlpGAN: MLPGANBuilder.self
        case .dcgan: DCGANBuilder.self
        case .resnetGAN: ResNetGANBuilder.self
        case .biggan: BigGANBuilder.self
        case .stylegan2: StyleGAN2Builder.self
        case .progan: ProGANBuilder.self
        case .stylegan3: StyleGAN3Builder.self
        case .styleganV: StyleGANVBuilder.self
        }
    }

    /// Output resolutions (pixels per side) the architecture supports; empty for non-image models.
    public var supportedResolutions: [Int] { builder.supportedResolutions }

    /// The resolution used when none is given.
    public var defaultResolution: Int { builder.defaultResolution }

    /// What `--width` means for this architecture and its default.
    public var widthKnob: (name: String, defaultValue: Int) { builder.widthKnob }

    /// Named configurations of the official code.
    public var presets: [String] { builder.presets.map(\.name) }

    /// Builds the generator and discriminator for `config`.
    public func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        try builder.build(config)
    }
}
