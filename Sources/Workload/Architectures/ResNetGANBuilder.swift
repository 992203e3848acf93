/// The SNGAN ResNet for CIFAR-10 at 32x32 (Miyato et al. 2018, Table 4; the layout of
/// the Mimicry reference implementation).
///
/// G: z (128) -> linear to 4x4xch -> three up-sampling residual blocks (BN, ReLU,
/// upsample, 3x3 conv, BN, ReLU, 3x3 conv; shortcut upsample + 1x1 conv) -> BN, ReLU,
/// 3x3 conv to RGB, tanh. D (spectral norm everywhere, ch/2 channels): an optimised
/// first block (conv, ReLU, conv, avg-pool; shortcut avg-pool + 1x1 conv), one
/// down-sampling block, two plain blocks, ReLU, global sum pooling, linear to one logit.
enum ResNetGANBuilder: ArchitectureBuilder {
    static let architecture = Architecture.resnetGAN
    static let supportedResolutions = [32]
    static let defaultResolution = 32
    /// G's `ngf` = 256 in SNGAN's CIFAR model; D uses half (128).
    static let widthMultiple = 2
    static let widthKnob = (name: "G channels (D uses half)", defaultValue: 256)
    static let defaultLatent = 128

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let res = try resolution(config)
        let ch = try width(config)
        _ = try preset(config)
        let nz = config.latentDim ?? defaultLatent
        guard nz > 0 else { throw .invalid(field: "latentDim", value: "\(nz)", expected: "a positive integer") }
        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(nz))
            b.block = "b4"
            b.resolution = 4
            var x = try b.linear(z, ch * 16, name: "fc")
            x = try b.add(.reshape(.image(ch, 4, 4)), [x], name: "reshape")
            for r in [8, 16, 32] {
                b.block = "b\(r)"
                b.resolution = r
                var h = try b.batchNorm(x, name: "bn1")
                h = try b.activation(h, .relu, name: "relu1")
                h = try b.add(.upsample(factor: 2), [h], name: "up")
                h = try b.conv(h, ch, kernel: 3, padding: 1, name: "conv1")
                h = try b.batchNorm(h, name: "bn2")
                h = try b.activation(h, .relu, name: "relu2")
                h = try b.conv(h, ch, kernel: 3, padding: 1, name: "conv2")
                var s = try b.add(.upsample(factor: 2), [x], name: "sc_up")
                s = try b.conv(s, ch, kernel: 1, name: "sc_conv")
                x = try b.sum(h, s, name: "add")
            }
            b.block = "out"
            x = try b.batchNorm(x, name: "bn")
            x = try b.activation(x, .relu, name: "relu")
            x = try b.conv(x, 3, kernel: 3, padding: 1, name: "conv")
            _ = try b.activation(x, .tanh, name: "tanh")
            return b.build()
        }
        let dch = ch / 2
        let d = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "D")
            var x = b.input("image", .image(3, res, res))
            // Optimised first block: 32 -> 16.
            b.block = "b16"
            b.resolution = 16
            var h = try b.conv(x, dch, kernel: 3, padding: 1, spectralNorm: true, name: "conv1")
            h = try b.activation(h, .relu, name: "relu1")
            h = try b.conv(h, dch, kernel: 3, padding: 1, spectralNorm: true, name: "conv2")
            h = try b.add(.avgPool(kernel: 2), [h], name: "pool")
            var s = try b.add(.avgPool(kernel: 2), [x], name: "sc_pool")
            s = try b.conv(s, dch, kernel: 1, spectralNorm: true, name: "sc_conv")
            x = try b.sum(h, s, name: "add")
            // Down-sampling block 16 -> 8, then two blocks at 8.
            for (i, down) in [true, false, false].enumerated() {
                b.block = "b8.\(i)"
                b.resolution = 8
                var h = try b.activation(x, .relu, name: "relu1")
                h = try b.conv(h, dch, kernel: 3, padding: 1, spectralNorm: true, name: "conv1")
                h = try b.activation(h, .relu, name: "relu2")
                h = try b.conv(h, dch, kernel: 3, padding: 1, spectralNorm: true, name: "conv2")
                if down {
                    h = try b.add(.avgPool(kernel: 2), [h], name: "pool")
                    var s = try b.conv(x, dch, kernel: 1, spectralNorm: true, name: "sc_conv")
                    s = try b.add(.avgPool(kernel: 2), [s], name: "sc_pool")
                    x = try b.sum(h, s, name: "add")
                } else {
                    x = try b.sum(h, x, name: "add")
                }
            }
            b.block = "out"
            b.resolution = 0
            x = try b.activation(x, .relu, name: "relu")
            x = try b.add(.globalSumPool, [x], name: "sum")
            _ = try b.linear(x, 1, spectralNorm: true, name: "fc")
            return b.build()
        }
        return GANModel(config: config, name: "resnet-gan-32 (ch \(ch)/\(dch), nz \(nz))", generator: g,
                        discriminator: d)
    }
}
