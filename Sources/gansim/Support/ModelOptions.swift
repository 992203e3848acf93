import ArgumentParser
import CostModel
import Workload

/// The flags that choose a model, shared by every command that builds one.
struct ModelOptions: ParsableArguments {
    @Argument(help: "Architecture: mlp-gan, dcgan, resnet-gan, biggan, stylegan2, progan, stylegan3, stylegan-v.")
    var model: String

    @Option(help: "Output resolution in pixels (architecture default if omitted).")
    var resolution: Int?

    @Option(help: "The architecture's width knob: ngf=ndf (dcgan), ch (biggan), channel_base (stylegan2), ...")
    var width: Int?

    @Option(help: "A named configuration of the official code (stylegan2: auto, config-f, paper256, ...; stylegan3: t, r).")
    var preset: String?

    @Option(name: .customLong("latent"), help: "Latent dimension (nz / dim_z).")
    var latentDim: Int?

    @Option(help: "Pruning/slimming: G's width knob times this (e.g. 0.5).")
    var generatorChannels: Double?

    @Option(help: "Pruning/slimming: D's width knob times this (e.g. 0.5).")
    var discriminatorChannels: Double?

    @Option(help: "Frames per video of a video GAN (stylegan-v: 3 if omitted).")
    var frames: Int?

    /// The model configuration these flags describe.
    func config() throws -> ModelConfig {
        var config = ModelConfig(architecture: try Architecture.named(model), resolution: resolution, width: width,
                                 preset: preset, latentDim: latentDim, frames: frames)
        config.generatorChannels = generatorChannels
        config.discriminatorChannels = discriminatorChannels
        return config
    }
}
