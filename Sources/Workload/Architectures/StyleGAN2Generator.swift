/// Pieces of the StyleGAN2 generator (stylegan2-ada-pytorch training/networks.py `MappingNetwork`, `SynthesisBlock`
/// with architecture `skip`) that StyleGAN2, StyleGAN3 (its mapping, NVlabs/stylegan3 networks_stylegan3.py) and
/// StyleGAN-V (its synthesis without noise, universome/stylegan-v) assemble.
enum StyleGAN2Generator {
    static let lrelu = Activation.leakyReLU(slope: 0.2)

    /// The mapping network in `block`: `normalize_2nd_moment(z)`, then `layers` FCs of `wDim` with leaky ReLU.
    static func mapping(_ b: inout GraphBuilder, _ z: Value, layers: Int, wDim: Int, block: String = "mapping")
        throws(GraphError) -> Value
    {
        b.block = block
        var w = try b.add(.pixelNorm, [z], name: "normalize")
        for i in 0..<layers {
            w = try b.linear(w, wDim, name: "fc\(i)")
            w = try b.activation(w, lrelu, name: "lrelu\(i)")
        }
        return w
    }

    /// The skip-architecture synthesis network over `resolutions` (4, 8, ..., res): block `b4` starts from what
    /// `input` adds for its `channels(4)` (StyleGAN2's constant, StyleGAN-V's temporal input), each later block
    /// up-samples; returns the image `(3, res, res)` (for StyleGAN-V frames stacked along the height).
    static func synthesis(_ b: inout GraphBuilder, resolutions: [Int], channels: (Int) -> Int, w: Value, noise: Bool,
                          input: (inout GraphBuilder, Int) throws(GraphError) -> Value) throws(GraphError) -> Value {
        var x: Value? = nil
        var image: Value? = nil
        for r in resolutions {
            b.block = "b\(r)"
            b.resolution = r
            let out = channels(r)
            let h = r == 4 ? try input(&b, out) : x!
            x = try block(&b, h, w: w, out: out, up: r > 4, noise: noise, image: &image)
        }
        return image!
    }

    /// One skip-architecture synthesis block at the builder's current block: conv0 (up-sampling by 2, if `up`),
    /// conv1, each with its noise (if `noise`) and activation, then ToRGB added to the up-sampled, blurred `image` so
    /// far. `(C, H, W) -> (out, H', W')`, H' = 2H when `up`; `image` becomes `(3, H', W')`.
    static func block(_ b: inout GraphBuilder, _ x: Value, w: Value, out: Int, up: Bool, noise: Bool,
                      image: inout Value?) throws(GraphError) -> Value {
        let wDim = w.shape.elementCount
        var h = x
        if up {
            h = try b.add(.modulatedConv2d(ModulatedConvConfig(
                inChannels: x.shape.channels, outChannels: out, kernel: 3, wDim: wDim, demodulate: true, up: 2)),
                [x, w], name: "conv0")
            if noise { h = try b.add(.noiseInjection, [h], name: "noise0") }
            h = try b.activation(h, lrelu, name: "lrelu0")
        }
        h = try b.add(.modulatedConv2d(ModulatedConvConfig(
            inChannels: h.shape.channels, outChannels: out, kernel: 3, wDim: wDim, demodulate: true, up: 1)),
            [h, w], name: "conv1")
        if noise { h = try b.add(.noiseInjection, [h], name: "noise1") }
        h = try b.activation(h, lrelu, name: "lrelu1")
        let rgb = try b.add(.toRGB(ModulatedConvConfig(
            inChannels: out, outChannels: 3, kernel: 1, wDim: wDim, demodulate: false, up: 1)),
            [h, w], name: "torgb")
        if let previous = image {
            var upsampled = try b.add(.upsample(factor: 2), [previous], name: "img_up")
            upsampled = try b.add(.firFilter(taps: 4, down: 1), [upsampled], name: "img_blur")
            image = try b.sum(upsampled, rgb, name: "img_add")
        } else {
            image = rgb
        }
        return h
    }
}
