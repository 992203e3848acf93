/// DCGAN as in the PyTorch examples (`examples/dcgan/main.py`), generalised to 32/64/128 px.
///
/// G: `ConvTranspose(nz, ngf*2^(L-1), 4, 1, 0)` to 4x4, then L-1 stride-2 transposed
/// convolutions halving the channels, each followed by BN and ReLU, and a final
/// stride-2 transposed convolution to 3 channels with tanh; L = log2(resolution/4).
/// D mirrors it with stride-2 convolutions, LeakyReLU(0.2), BN after all but the first,
/// and a final 4x4 convolution to one logit. No convolution has a bias.
enum DCGANBuilder: ArchitectureBuilder {
    static let architecture = Architecture.dcgan
    static let supportedResolutions = [32, 64, 128]
    static let defaultResolution = 64
    static let widthKnob = (name: "ngf = ndf", defaultValue: 64)
    /// `nz` of the PyTorch example.
    static let defaultLatent = 100

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let res = try resolution(config)
        let w = try width(config)
        _ = try preset(config)
        let nz = config.latentDim ?? defaultLatent
        guard nz > 0 else { throw .invalid(field: "latentDim", value: "\(nz)", expected: "a positive integer") }
        let stages = (res / 4).trailingZeroBitCount  // L = log2(res / 4)
        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(nz))
            var x = try b.add(.reshape(.image(nz, 1, 1)), [z], name: "reshape")
            var channels = w << (stages - 1)
            b.resolution = 4
            b.block = "b4"
            x = try b.convTranspose(x, channels, kernel: 4, stride: 1, padding: 0, bias: false, name: "convT")
            x = try b.batchNorm(x, name: "bn")
            x = try b.activation(x, .relu, name: "relu")
            for s in 1..<stages {
                b.resolution = 4 << s
                b.block = "b\(b.resolution)"
                channels /= 2
                x = try b.convTranspose(x, channels, kernel: 4, stride: 2, padding: 1, bias: false, name: "convT")
                x = try b.batchNorm(x, name: "bn")
                x = try b.activation(x, .relu, name: "relu")
            }
            b.resolution = res
            b.block = "b\(res)"
            x = try b.convTranspose(x, 3, kernel: 4, stride: 2, padding: 1, bias: false, name: "convT")
            _ = try b.activation(x, .tanh, name: "tanh")
            return b.build()
        }
        let d = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "D")
            var x = b.input("image", .image(3, res, res))
            var channels = w
            for s in 0..<stages {
                b.resolution = res >> (s + 1)
                b.block = "b\(b.resolution)"
                x = try b.conv(x, channels, kernel: 4, stride: 2, padding: 1, bias: false, name: "conv")
                if s > 0 { x = try b.batchNorm(x, name: "bn") }
                x = try b.activation(x, .leakyReLU(slope: 0.2), name: "lrelu")
                if s < stages - 1 { channels *= 2 }
            }
            b.resolution = 1
            b.block = "out"
            x = try b.conv(x, 1, kernel: 4, stride: 1, padding: 0, bias: false, name: "conv")
            _ = try b.add(.reshape(.vector(1)), [x], name: "flatten")
            return b.build()
        }
        return GANModel(config: config, name: "dcgan-\(res) (ngf=ndf=\(w), nz \(nz))", generator: g, discriminator: d)
    }
}
