/// StyleGAN2 as in NVlabs/stylegan2-ada-pytorch (`training/networks.py`): skip
/// generator, residual discriminator, `channels(res) = min(channel_base / res, channel_max)`.
///
/// Presets are the `cfg_specs` of the official `train.py` (`fmaps` gives
/// `channel_base = fmaps * 32768`, `map` the mapping depth, `mb` the total batch).
enum StyleGAN2Builder: ArchitectureBuilder {
    static let architecture = Architecture.stylegan2
    static let supportedResolutions = [32, 64, 128, 256, 512, 1024]
    static let defaultResolution = 256
    static let widthKnob = (name: "channel_base", defaultValue: 32768)
    /// `z_dim` = `w_dim` = 512 in every official configuration.
    static let defaultLatent = 512
    /// `channel_max` of every official configuration.
    static let channelMax = 512
    /// Minibatch-stddev group size of config-f / paper1024 (`mbstd` 4).
    static let defaultMbstdGroup = 4

    static let presets: [ModelPreset] = [
        ModelPreset(name: "auto", summary: "train.py cfg 'auto': fmaps 0.5 below 512 px else 1, map 2",
                    referenceBatch: nil, referenceGPUs: nil),
        ModelPreset(name: "config-f", summary: "train.py cfg 'stylegan2' (StyleGAN2 config F): fmaps 1, map 8, mb 32",
                    referenceBatch: 32, referenceGPUs: 8),
        ModelPreset(name: "paper256", summary: "train.py cfg 'paper256': fmaps 0.5, map 8, mb 64", resolution: 256,
                    referenceBatch: 64, referenceGPUs: 8),
        ModelPreset(name: "paper512", summary: "train.py cfg 'paper512': fmaps 1, map 8, mb 64", resolution: 512,
                    referenceBatch: 64, referenceGPUs: 8),
        ModelPreset(name: "paper1024", summary: "train.py cfg 'paper1024': fmaps 1, map 8, mb 32", resolution: 1024,
                    referenceBatch: 32, referenceGPUs: 8),
        ModelPreset(name: "cifar", summary: "train.py cfg 'cifar': fmaps 1, map 2, mb 64", resolution: 32,
                    referenceBatch: 64, referenceGPUs: 2),
    ]

    /// (channel_base, mapping layers) of a preset at a resolution.
    static func presetShape(_ name: String, resolution res: Int) -> (channelBase: Int, mapping: Int) {
        switch name {
        case "auto": (res >= 512 ? 32768 : 16384, 2)
        case "paper256": (16384, 8)
        case "cifar": (32768, 2)
        default: (32768, 8)
        }
    }

    static func effectiveWidth(_ config: ModelConfig) throws(ModelError) -> Int {
        let p = try preset(config)
        return config.width ?? presetShape(p?.name ?? "config-f", resolution: config.resolution ?? p?.resolution ?? defaultResolution).channelBase
    }

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let p = try preset(config)
        var res = config.resolution ?? p?.resolution ?? defaultResolution
        if let fixed = p?.resolution, config.resolution == nil { res = fixed }
        guard supportedResolutions.contains(res) else {
            throw .unsupported(field: "resolution", value: "\(res)", accepted: supportedResolutions.map(String.init))
        }
        if let fixed = p?.resolution, fixed != res {
            throw .invalid(field: "resolution", value: "\(res)", expected: "\(fixed) for preset \(p!.name)")
        }
        let shape = presetShape(p?.name ?? "config-f", resolution: res)
        let cbase = config.width ?? shape.channelBase
        guard cbase >= res, cbase > 0 else {
            throw .invalid(field: "width", value: "\(cbase)", expected: "channel_base of at least the resolution (\(res))")
        }
        let mapping = config.mappingLayers ?? shape.mapping
        guard mapping >= 1 else { throw .invalid(field: "mappingLayers", value: "\(mapping)", expected: "at least 1") }
        let zDim = config.latentDim ?? defaultLatent
        guard zDim > 0 else { throw .invalid(field: "latentDim", value: "\(zDim)", expected: "a positive integer") }
        let wDim = zDim
        func channels(_ r: Int) -> Int { min(cbase / r, channelMax) }
        let resolutions = StyleGAN2Discriminator.resolutions(upTo: res)

        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(zDim))
            let w = try StyleGAN2Generator.mapping(&b, z, layers: mapping, wDim: wDim)
            _ = try StyleGAN2Generator.synthesis(&b, resolutions: resolutions, channels: channels, w: w, noise: true) {
                (b: inout GraphBuilder, out: Int) throws(GraphError) -> Value in
                try b.add(.learnedConstant, [], name: "const", declared: .image(out, 4, 4))
            }
            return b.build()
        }

        let d = try graph { () throws(GraphError) -> Graph in
            try StyleGAN2Discriminator.build(resolution: res, channels: channels, mbstdGroup: defaultMbstdGroup)
        }
        let label = p.map { " \($0.name)" } ?? ""
        return GANModel(config: config, name: "stylegan2-\(res)\(label) (channel_base \(cbase), map \(mapping))",
                        generator: g, discriminator: d, preset: p)
    }
}
