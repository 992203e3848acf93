/// BigGAN as in ajbrock/BigGAN-PyTorch (`BigGAN.py`, `layers.py`), defaults of its
/// ImageNet launch scripts: `ch` 96, `dim_z` 120, `shared_dim` 128, hierarchical z,
/// shared embedding, spectral norm in G and D, self-attention at 64x64, 1000 classes.
///
/// Channel multipliers per resolution are those of `G_arch` / `D_arch` in `BigGAN.py`.
enum BigGANBuilder: ArchitectureBuilder {
    static let architecture = Architecture.biggan
    static let supportedResolutions = [128, 256, 512]
    static let defaultResolution = 128
    static let widthMultiple = 8
    static let widthKnob = (name: "ch", defaultValue: 96)
    static let defaultLatent = 120
    /// `shared_dim` of the launch scripts.
    static let sharedDim = 128
    /// ImageNet classes.
    static let defaultClasses = 1000
    /// `G_attn` / `D_attn` default.
    static let defaultAttention = 64

    /// `G_arch[res]`: (in multipliers, out multipliers); block i outputs 8 << i pixels.
    static func generatorArch(_ res: Int) -> (in: [Int], out: [Int]) {
        switch res {
        case 128: ([16, 16, 8, 4, 2], [16, 8, 4, 2, 1])
        case 256: ([16, 16, 8, 8, 4, 2], [16, 8, 8, 4, 2, 1])
        default: ([16, 16, 8, 8, 4, 2, 1], [16, 8, 8, 4, 2, 1, 1])
        }
    }

    /// `D_arch[res]`: (in multipliers after RGB, out multipliers); the last block keeps 4x4.
    static func discriminatorArch(_ res: Int) -> (in: [Int], out: [Int]) {
        switch res {
        case 128: ([1, 2, 4, 8, 16], [1, 2, 4, 8, 16, 16])
        case 256: ([1, 2, 4, 8, 8, 16], [1, 2, 4, 8, 8, 16, 16])
        default: ([1, 1, 2, 4, 8, 8, 16], [1, 1, 2, 4, 8, 8, 16, 16])
        }
    }

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let res = try resolution(config)
        let ch = try width(config)
        _ = try preset(config)
        let classes = config.classes ?? defaultClasses
        guard classes > 0 else { throw .invalid(field: "classes", value: "\(classes)", expected: "a positive integer") }
        let attn = config.attentionResolution ?? defaultAttention
        guard attn == 0 || (attn >= 8 && attn <= res && attn & (attn - 1) == 0) else {
            throw .invalid(field: "attentionResolution", value: "\(attn)",
                           expected: "0 (none) or a power of two from 8 to \(res)")
        }
        let gArch = generatorArch(res)
        let slots = gArch.in.count + 1
        let requestedZ = config.latentDim ?? defaultLatent
        let chunk = requestedZ / slots
        guard chunk > 0 else {
            throw .invalid(field: "latentDim", value: "\(requestedZ)", expected: "at least \(slots) (one per z chunk)")
        }
        let dimZ = chunk * slots  // BigGAN-PyTorch rounds dim_z down to a multiple of the slots
        let cond = sharedDim + chunk

        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(dimZ))
            let label = b.input("label", .vector(1))
            b.block = "embed"
            let shared = try b.add(.embedding(classes: classes, features: sharedDim), [label], name: "shared")
            var ys: [Value] = []
            for i in 0..<slots {
                let zi = try b.add(.slice(start: i * chunk, count: chunk), [z], name: "z\(i)")
                ys.append(i == 0 ? zi : try b.add(.concat, [shared, zi], name: "cond\(i)"))
            }
            b.block = "b4"
            b.resolution = 4
            let c0 = gArch.in[0] * ch
            var x = try b.linear(ys[0], c0 * 16, spectralNorm: true, name: "fc")
            x = try b.add(.reshape(.image(c0, 4, 4)), [x], name: "reshape")
            for (i, (inM, outM)) in zip(gArch.in, gArch.out).enumerated() {
                let r = 8 << i
                b.block = "b\(r)"
                b.resolution = r
                let y = ys[i + 1]
                let out = outM * ch
                var h = try b.add(.conditionalBatchNorm(channels: inM * ch, conditionFeatures: cond, spectralNorm: true),
                                  [x, y], name: "bn1")
                h = try b.activation(h, .relu, name: "relu1")
                h = try b.add(.upsample(factor: 2), [h], name: "up")
                h = try b.conv(h, out, kernel: 3, padding: 1, spectralNorm: true, name: "conv1")
                h = try b.add(.conditionalBatchNorm(channels: out, conditionFeatures: cond, spectralNorm: true),
                              [h, y], name: "bn2")
                h = try b.activation(h, .relu, name: "relu2")
                h = try b.conv(h, out, kernel: 3, padding: 1, spectralNorm: true, name: "conv2")
                var s = try b.add(.upsample(factor: 2), [x], name: "sc_up")
                s = try b.conv(s, out, kernel: 1, spectralNorm: true, name: "sc_conv")
                x = try b.sum(h, s, name: "add")
                if r == attn {
                    x = try b.add(.selfAttention(channels: out, spectralNorm: true), [x], name: "attention")
                }
            }
            b.block = "out"
            x = try b.batchNorm(x, name: "bn")
            x = try b.activation(x, .relu, name: "relu")
            x = try b.conv(x, 3, kernel: 3, padding: 1, spectralNorm: true, name: "conv")
            _ = try b.activation(x, .tanh, name: "tanh")
            return b.build()
        }

        let dArch = discriminatorArch(res)
        let d = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "D")
            var x = b.input("image", .image(3, res, res))
            let label = b.input("label", .vector(1))
            let inChannels = [3] + dArch.in.map { $0 * ch }
            for (i, outM) in dArch.out.enumerated() {
                let down = i < dArch.out.count - 1
                let r = down ? res >> (i + 1) : 4
                b.block = down ? "b\(r)" : "b4.last"
                b.resolution = r
                let inC = inChannels[i], out = outM * ch
                let learnableShortcut = inC != out || down
                var h = i > 0 ? try b.activation(x, .relu, name: "relu0") : x
                h = try b.conv(h, out, kernel: 3, padding: 1, spectralNorm: true, name: "conv1")
                h = try b.activation(h, .relu, name: "relu1")
                h = try b.conv(h, out, kernel: 3, padding: 1, spectralNorm: true, name: "conv2")
                if down { h = try b.add(.avgPool(kernel: 2), [h], name: "pool") }
                var s = x
                if i > 0 {  // preactivation: shortcut conv, then downsample
                    if learnableShortcut { s = try b.conv(s, out, kernel: 1, spectralNorm: true, name: "sc_conv") }
                    if down { s = try b.add(.avgPool(kernel: 2), [s], name: "sc_pool") }
                } else {
                    if down { s = try b.add(.avgPool(kernel: 2), [s], name: "sc_pool") }
                    if learnableShortcut { s = try b.conv(s, out, kernel: 1, spectralNorm: true, name: "sc_conv") }
                }
                x = try b.sum(h, s, name: "add")
                if down && r == attn {
                    x = try b.add(.selfAttention(channels: out, spectralNorm: true), [x], name: "attention")
                }
            }
            b.block = "out"
            b.resolution = 0
            x = try b.activation(x, .relu, name: "relu")
            let pooled = try b.add(.globalSumPool, [x], name: "sum")
            let logit = try b.linear(pooled, 1, spectralNorm: true, name: "fc")
            let embed = try b.add(.embedding(classes: classes, features: pooled.shape.channels), [label], name: "embed")
            let proj = try b.add(.projection, [pooled, embed], name: "projection")
            _ = try b.sum(logit, proj, name: "logit")
            return b.build()
        }
        return GANModel(config: config, name: "biggan-\(res) (ch \(ch), z \(dimZ), \(classes) classes)", generator: g,
                        discriminator: d)
    }
}
