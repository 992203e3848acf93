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
        let lrelu = Activation.leakyReLU(slope: 0.2)

        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(zDim))
            b.block = "mapping"
            var w = try b.add(.pixelNorm, [z], name: "normalize")
            for i in 0..<mapping {
                w = try b.linear(w, wDim, name: "fc\(i)")
                w = try b.activation(w, lrelu, name: "lrelu\(i)")
            }
            var x: Value? = nil
            var img: Value? = nil
            for r in resolutions {
                b.block = "b\(r)"
                b.resolution = r
                let out = channels(r)
                var h: Value
                if r == 4 {
                    let c = try b.add(.learnedConstant, [], name: "const", declared: .image(out, 4, 4))
                    h = c
                } else {
                    h = try b.add(.modulatedConv2d(ModulatedConvConfig(
                        inChannels: channels(r / 2), outChannels: out, kernel: 3, wDim: wDim, demodulate: true, up: 2)),
                        [x!, w], name: "conv0")
                    h = try b.add(.noiseInjection, [h], name: "noise0")
                    h = try b.activation(h, lrelu, name: "lrelu0")
                }
                h = try b.add(.modulatedConv2d(ModulatedConvConfig(
                    inChannels: out, outChannels: out, kernel: 3, wDim: wDim, demodulate: true, up: 1)),
                    [h, w], name: "conv1")
                h = try b.add(.noiseInjection, [h], name: "noise1")
                h = try b.activation(h, lrelu, name: "lrelu1")
                x = h
                let rgb = try b.add(.toRGB(ModulatedConvConfig(
                    inChannels: out, outChannels: 3, kernel: 1, wDim: wDim, demodulate: false, up: 1)),
                    [h, w], name: "torgb")
                if let previous = img {
                    var up = try b.add(.upsample(factor: 2), [previous], name: "img_up")
                    up = try b.add(.firFilter(taps: 4, down: 1), [up], name: "img_blur")
                    img = try b.sum(up, rgb, name: "img_add")
                } else {
                    img = rgb
                }
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
