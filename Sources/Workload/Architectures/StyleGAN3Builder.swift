import Foundation

/// StyleGAN3 configurations T and R as in NVlabs/stylegan3 (training/networks_stylegan3.py, train.py), from
/// `../shared/workloads/stylegan3.md`: a Fourier-feature input, 14 alias-free synthesis layers and a ToRGB layer, the
/// StyleGAN2 residual discriminator.
///
/// Every layer is an affine FC, a modulated and demodulated convolution run as one grouped convolution (groups = the
/// batch) and one fused `filtered_lrelu`; cutoffs, stopbands, sampling rates, sizes and channels follow
/// `SynthesisNetwork.__init__` (`synthesisLayers`). The width knob is `--cbase` (train.py), which R doubles for G.
enum StyleGAN3Builder: ArchitectureBuilder {
    static let architecture = Architecture.stylegan3
    /// Powers of two the official training code accepts from 128 px (the sheet's configurations; assumed: smaller
    /// images leave the 14-layer cutoff schedule degenerate).
    static let supportedResolutions = [128, 256, 512, 1024]
    /// The official FFHQ-U and MetFaces-U models are 1024 px (NVlabs/stylegan3 README).
    static let defaultResolution = 1024
    /// train.py `--cbase` 32768 (`--cmax` 512).
    static let widthKnob = (name: "cbase", defaultValue: 32768)
    /// train.py `--cmax`.
    static let channelMax = 512
    /// z and w 512 (train.py).
    static let defaultLatent = 512
    /// `map` 2 for T and R (train.py).
    static let defaultMapping = 2
    /// D's minibatch-stddev group (`--mbstd-group` 4).
    static let mbstdGroup = 4
    /// SynthesisNetwork: `num_layers` 14, `num_critical` 2, `first_cutoff` 2, `first_stopband` 2^2.1,
    /// `last_stopband_rel` 2^0.3, `margin_size` 10; SynthesisLayer `filter_size` 6, `lrelu_upsampling` 2.
    static let layerCount = 14, criticalLayers = 2, marginSize = 10, filterSize = 6
    /// loss.py `blur_init_sigma` 10: `blur_size = floor(sigma * 3)`, so `2 * 30 + 1` taps.
    static let blurTaps = 61

    static let presets: [ModelPreset] = [
        ModelPreset(name: "t", summary: "train.py --cfg=stylegan3-t: translation equivariant, 3x3 kernels, map 2",
                    referenceBatch: 32, referenceGPUs: 8),
        ModelPreset(name: "r", summary: "train.py --cfg=stylegan3-r: rotation equivariant, 1x1 kernels, radial filters, G cbase and cmax doubled, D input blur",
                    referenceBatch: 32, referenceGPUs: 8),
    ]

    /// One synthesis layer's geometry (`SynthesisNetwork.__init__`): index 0 is L0, 14 the ToRGB layer; the input
    /// layer takes layer 0's size, sampling rate and channels.
    struct SynthesisLayerShape: Equatable {
        var channels: Int
        var size: Int
        var samplingRate: Int
        var criticallySampled: Bool
    }

    /// The 15 layers' channels, sizes and sampling rates at `res`.
    ///
    /// Cutoffs `f_c = 2 * (res/2 / 2)^e` and stopbands `f_t = 2^2.1 * (res/2 * 2^0.3 / 2^2.1)^e` with
    /// `e = min(i / 12, 1)`; sampling rate `2^ceil(log2(min(2 f_t, res)))`; size the sampling rate plus 2 x 10 (the
    /// last two exactly `res`); channels `rint(min(channel_base / 2 / f_c, channel_max))`, 3 for ToRGB.
    static func synthesisLayers(resolution res: Int, channelBase: Int, channelMax: Int) -> [SynthesisLayerShape] {
        let firstCutoff = 2.0, firstStopband = pow(2, 2.1)
        let lastCutoff = Double(res) / 2, lastStopband = lastCutoff * pow(2, 0.3)
        return (0...layerCount).map { i in
            let e = min(Double(i) / Double(layerCount - criticalLayers), 1)
            let cutoff = firstCutoff * pow(lastCutoff / firstCutoff, e)
            let stopband = firstStopband * pow(lastStopband / firstStopband, e)
            let rate = Int(exp2(ceil(log2(min(stopband * 2, Double(res))))))
            let size = i >= layerCount - 1 ? res : rate + 2 * marginSize
            let channels = i == layerCount ? 3
                : Int(min(Double(channelBase) / 2 / cutoff, Double(channelMax)).rounded(.toNearestOrEven))
            return SynthesisLayerShape(channels: channels, size: size, samplingRate: rate,
                                       criticallySampled: i >= layerCount - criticalLayers)
        }
    }

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let p = try preset(config) ?? presets[0]
        let rotation = p.name == "r"
        let res = try resolution(config)
        let cbase = try width(config)
        guard cbase >= res else {
            throw .invalid(field: "width", value: "\(cbase)", expected: "cbase of at least the resolution (\(res))")
        }
        let mapping = config.mappingLayers ?? defaultMapping
        guard mapping >= 1 else { throw .invalid(field: "mappingLayers", value: "\(mapping)", expected: "at least 1") }
        let zDim = config.latentDim ?? defaultLatent
        let wDim = zDim
        // R: `channel_base *= 2`, `channel_max *= 2`, `conv_kernel = 1`, `use_radial_filters = True` for G only.
        let gBase = rotation ? 2 * cbase : cbase, gMax = rotation ? 2 * channelMax : channelMax
        let kernel = rotation ? 1 : 3
        let layers = synthesisLayers(resolution: res, channelBase: gBase, channelMax: gMax)

        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(zDim))
            // MappingNetwork: as StyleGAN2's (no embed for c_dim 0).
            let w = try StyleGAN2Generator.mapping(&b, z, layers: mapping, wDim: wDim)
            // SynthesisInput: affine (w -> 4), the Fourier features (C, size, size), the C x C mixing weight.
            // Block resolution 0: it runs in fp32 (SynthesisInput has no use_fp16).
            b.block = "input"
            let first = layers[0]
            let t = try b.linear(w, 4, name: "affine")
            var x = try b.add(.fourierFeatures(channels: first.channels, size: first.size), [t], name: "fourier")
            x = try b.conv(x, first.channels, kernel: 1, bias: false, name: "weight")
            for (i, layer) in layers.enumerated() {
                let previous = layers[max(i - 1, 0)]
                let toRGB = i == layerCount
                b.block = "L\(i)"
                // The layer's precision: fp16 where `sampling_rate * 2^num_fp16_res > res` (num_fp16_res 4), which
                // is the policy's 4 highest resolutions when the block resolution is the sampling rate.
                b.resolution = layer.samplingRate
                x = try b.add(.groupedModulatedConv2d(ModulatedConvConfig(
                    inChannels: previous.channels, outChannels: layer.channels, kernel: toRGB ? 1 : kernel,
                    wDim: wDim, demodulate: !toRGB, up: 1)), [x, w], name: "conv")
                x = try b.add(.filteredLeakyReLU(filter(from: previous, to: layer, toRGB: toRGB, radial: rotation)),
                              [x], name: "filtered_lrelu")
            }
            return b.build()
        }
        let d = try graph { () throws(GraphError) -> Graph in
            try StyleGAN2Discriminator.build(
                resolution: res, channels: { min(cbase / $0, channelMax) }, mbstdGroup: mbstdGroup,
                prologue: { (b: inout GraphBuilder, image: Value) throws(GraphError) -> Value in
                    guard rotation else { return image }
                    // R blurs every image entering D (loss.py run_D) with sigma fading from 10 to 0 over the first
                    // batch * 200 / 32 kimg; priced as present throughout (its largest cost). Block resolution 0: it
                    // runs on the fp32 images before D casts its top blocks to fp16.
                    b.block = "blur"
                    b.resolution = 0
                    return try b.add(.separableBlur(taps: blurTaps), [image], name: "gaussian")
                })
        }
        let name = "stylegan3-\(p.name)-\(res) (cbase \(cbase), map \(mapping))"
        return GANModel(config: config, name: name, generator: g, discriminator: d, preset: p)
    }

    /// The `filtered_lrelu` of a layer from `previous` to `layer` (SynthesisLayer.__init__): the activation runs at
    /// `max(in, out) sampling rate * 2` (ToRGB: no up-sampling, no filters), `up = tmp / in`, `down = tmp / out`,
    /// taps `6 * factor` where the factor exceeds 1; R's down filter is radial except on critically sampled layers.
    static func filter(from previous: SynthesisLayerShape, to layer: SynthesisLayerShape, toRGB: Bool, radial: Bool)
        -> FilteredLReLUConfig
    {
        let tmp = max(previous.samplingRate, layer.samplingRate) * (toRGB ? 1 : 2)
        let up = tmp / previous.samplingRate, down = tmp / layer.samplingRate
        return FilteredLReLUConfig(
            up: up, upTaps: up > 1 && !toRGB ? filterSize * up : 1,
            down: down, downTaps: down > 1 && !toRGB ? filterSize * down : 1,
            radialDown: radial && !layer.criticallySampled && !toRGB, outSize: layer.size)
    }
}
