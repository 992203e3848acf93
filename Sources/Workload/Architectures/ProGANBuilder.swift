/// Progressive GAN as in NVlabs/progressive_growing_of_gans (`networks.py`, `G_paper` /
/// `D_paper`): `nf(stage) = min(fmap_base / 2^stage, fmap_max)` with fmap_base 8192 and
/// fmap_max 512, pixel norm in G, minibatch stddev in D, every layer with a bias.
///
/// The model at resolution R is the final, fully grown network; `phases` lists every
/// phase of the growth (stable and fading-in at each resolution) with its own graphs.
enum ProGANBuilder: ArchitectureBuilder {
    static let architecture = Architecture.progan
    static let supportedResolutions = [32, 64, 128, 256, 512, 1024]
    static let defaultResolution = 1024
    static let widthKnob = (name: "fmap_base", defaultValue: 8192)
    /// `latent_size` of the official configuration.
    static let defaultLatent = 512
    /// `fmap_max` of the official configuration.
    static let fmapMax = 512
    /// `lod_training_kimg` = `lod_transition_kimg` = 600 in the official `train.py`.
    static let kimgPerPhase = 600
    /// The whole run's length in thousands of images, `train.total_kimg` = 12000 of the official `config.py` presets
    /// (`preset-v2-*`); the last stable phase runs until it. Recalled from NVlabs/progressive_growing_of_gans
    /// `config.py`; not in ../shared/workloads (unverified).
    static let totalKimg = 12_000
    /// Images per step by resolution, `sched.minibatch_dict` of the official `preset-v2-1gpu` in `config.py`, and
    /// `sched.minibatch_base` = 4 above 512 px (recalled from NVlabs/progressive_growing_of_gans; not in
    /// ../shared/workloads, unverified).
    static let minibatchByResolution = [4: 128, 8: 128, 16: 128, 32: 64, 64: 32, 128: 16, 256: 8, 512: 4]
    static let minibatchBase = 4

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let res = try resolution(config)
        let base = try width(config)
        _ = try preset(config)
        let nz = config.latentDim ?? defaultLatent
        guard nz > 0 else { throw .invalid(field: "latentDim", value: "\(nz)", expected: "a positive integer") }
        var phases: [GANPhase] = []
        for r in (2...res.trailingZeroBitCount).map({ 1 << $0 }) {
            if r > 4 {
                phases.append(try phase(resolution: r, fading: true, base: base, nz: nz))
            }
            phases.append(try phase(resolution: r, fading: false, base: base, nz: nz))
        }
        let final = phases.last!
        return GANModel(config: config, name: "progan-\(res) (fmap_base \(base), z \(nz))",
                        generator: final.generator, discriminator: final.discriminator, phases: phases)
    }

    /// The networks of one growth phase.
    static func phase(resolution res: Int, fading: Bool, base: Int, nz: Int) throws(ModelError) -> GANPhase {
        func nf(_ stage: Int) -> Int { max(1, min(base >> stage, fmapMax)) }
        func stage(_ r: Int) -> Int { r.trailingZeroBitCount }  // log2
        let lrelu = Activation.leakyReLU(slope: 0.2)
        let resolutions = (2...stage(res)).map { 1 << $0 }

        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(nz))
            b.block = "b4"
            b.resolution = 4
            var x = try b.add(.pixelNorm, [z], name: "normalize")
            x = try b.linear(x, nf(1) * 16, name: "dense")
            x = try b.add(.reshape(.image(nf(1), 4, 4)), [x], name: "reshape")
            x = try b.activation(x, lrelu, name: "lrelu0")
            x = try b.add(.pixelNorm, [x], name: "pn0")
            x = try b.conv(x, nf(1), kernel: 3, padding: 1, name: "conv")
            x = try b.activation(x, lrelu, name: "lrelu1")
            x = try b.add(.pixelNorm, [x], name: "pn1")
            var previous = x
            for r in resolutions where r > 4 {
                b.block = "b\(r)"
                b.resolution = r
                previous = x
                x = try b.add(.upsample(factor: 2), [x], name: "up")
                for i in 0..<2 {
                    x = try b.conv(x, nf(stage(r) - 1), kernel: 3, padding: 1, name: "conv\(i)")
                    x = try b.activation(x, lrelu, name: "lrelu\(i)")
                    x = try b.add(.pixelNorm, [x], name: "pn\(i)")
                }
            }
            b.block = "torgb"
            let rgb = try b.conv(x, 3, kernel: 1, name: "torgb")
            if fading {
                var old = try b.conv(previous, 3, kernel: 1, name: "torgb_prev")
                old = try b.add(.upsample(factor: 2), [old], name: "torgb_prev_up")
                _ = try b.sum(old, rgb, name: "fade")  // lerp(old, new, alpha)
            }
            return b.build()
        }

        let d = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "D")
            let image = b.input("image", .image(3, res, res))
            b.block = "fromrgb"
            b.resolution = res
            var x = try b.conv(image, nf(stage(res) - 1), kernel: 1, name: "fromrgb")
            x = try b.activation(x, lrelu, name: "fromrgb_lrelu")
            for r in resolutions.reversed() where r > 4 {
                b.block = "b\(r)"
                b.resolution = r
                x = try b.conv(x, nf(stage(r) - 1), kernel: 3, padding: 1, name: "conv0")
                x = try b.activation(x, lrelu, name: "lrelu0")
                x = try b.conv(x, nf(stage(r) - 2), kernel: 3, padding: 1, name: "conv1")
                x = try b.activation(x, lrelu, name: "lrelu1")
                x = try b.add(.avgPool(kernel: 2), [x], name: "down")
                if fading && r == res {
                    var old = try b.add(.avgPool(kernel: 2), [image], name: "fromrgb_prev_down")
                    old = try b.conv(old, nf(stage(r) - 2), kernel: 1, name: "fromrgb_prev")
                    old = try b.activation(old, lrelu, name: "fromrgb_prev_lrelu")
                    x = try b.sum(old, x, name: "fade")  // lerp(old, new, alpha)
                }
            }
            b.block = "b4"
            b.resolution = 4
            x = try b.add(.minibatchStdDev(groupSize: 4, statChannels: 1), [x], name: "mbstd")
            x = try b.conv(x, nf(1), kernel: 3, padding: 1, name: "conv")
            x = try b.activation(x, lrelu, name: "lrelu0")
            x = try b.add(.reshape(.vector(nf(1) * 16)), [x], name: "flatten")
            x = try b.linear(x, nf(0), name: "dense0")
            x = try b.activation(x, lrelu, name: "lrelu1")
            _ = try b.linear(x, 1, name: "dense1")
            return b.build()
        }
        return GANPhase(resolution: res, fadingIn: fading, generator: g, discriminator: d, kimg: kimgPerPhase,
                        minibatch: minibatchByResolution[res] ?? minibatchBase)
    }
}
