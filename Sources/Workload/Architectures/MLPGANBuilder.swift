/// The 2-D toy GAN of the mixture-of-Gaussians experiments (Metz et al. 2017, "Unrolled
/// Generative Adversarial Networks", Sec. 3.1: G and D are MLPs with two hidden ReLU
/// layers of 128 units; z has 256 dimensions).
enum MLPGANBuilder: ArchitectureBuilder {
    static let architecture = Architecture.mlpGAN
    static let supportedResolutions: [Int] = [0]
    static let defaultResolution = 0
    static let widthKnob = (name: "hidden units per layer", defaultValue: 128)
    /// z dimension of Metz et al. 2017.
    static let defaultLatent = 256
    /// Hidden layers in each network (Metz et al. 2017).
    static let hiddenLayers = 2

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        if let r = config.resolution, r != 0 {
            throw .unsupported(field: "resolution", value: "\(r)", accepted: ["none (mlp-gan generates 2-D points)"])
        }
        _ = try preset(config)
        let hidden = try width(config)
        let nz = config.latentDim ?? defaultLatent
        guard nz > 0 else { throw .invalid(field: "latentDim", value: "\(nz)", expected: "a positive integer") }
        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            var x = b.input("z", .vector(nz))
            for i in 1...hiddenLayers {
                x = try b.linear(x, hidden, name: "fc\(i)")
                x = try b.activation(x, .relu, name: "relu\(i)")
            }
            _ = try b.linear(x, 2, name: "out")
            return b.build()
        }
        let d = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "D")
            var x = b.input("image", .vector(2))
            for i in 1...hiddenLayers {
                x = try b.linear(x, hidden, name: "fc\(i)")
                x = try b.activation(x, .relu, name: "relu\(i)")
            }
            _ = try b.linear(x, 1, name: "out")
            return b.build()
        }
        return GANModel(config: config, name: "mlp-gan (hidden \(hidden), z \(nz))", generator: g, discriminator: d)
    }
}
