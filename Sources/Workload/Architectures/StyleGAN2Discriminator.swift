/// The StyleGAN2 residual discriminator (stylegan2-ada-pytorch training/networks.py `Discriminator`, architecture
/// `resnet`), in pieces that StyleGAN2, StyleGAN3 (which trains this same D: NVlabs/stylegan3
/// training/networks_stylegan2.py, `../shared/workloads/stylegan3.md`) and StyleGAN-V (which splices a frame
/// concatenation into it, `../shared/workloads/stylegan-v.md`) assemble.
enum StyleGAN2Discriminator {
    static let lrelu = Activation.leakyReLU(slope: 0.2)

    /// `fromrgb` of the top block: a 1x1 convolution to `channels` and its activation.
    static func fromRGB(_ b: inout GraphBuilder, _ x: Value, channels: Int) throws(GraphError) -> Value {
        let h = try b.conv(x, channels, kernel: 1, name: "fromrgb")
        return try b.activation(h, lrelu, name: "fromrgb_lrelu")
    }

    /// One `DiscriminatorBlock`: `(C, H, W) -> (out, H/2, W/2)` through conv0 (to `tmp`), a 4x4 blur and the strided
    /// conv1, plus the blurred, down-sampled 1x1 skip, summed.
    static func block(_ b: inout GraphBuilder, _ x: Value, tmp: Int, out: Int) throws(GraphError) -> Value {
        var s = try b.add(.firFilter(taps: 4, down: 2), [x], name: "skip_down")
        s = try b.conv(s, out, kernel: 1, bias: false, name: "skip")
        var h = try b.conv(x, tmp, kernel: 3, padding: 1, name: "conv0")
        h = try b.activation(h, lrelu, name: "lrelu0")
        h = try b.add(.firFilter(taps: 4, down: 1), [h], name: "blur1")
        h = try b.conv(h, out, kernel: 3, stride: 2, padding: 1, name: "conv1")
        h = try b.activation(h, lrelu, name: "lrelu1")
        return try b.sum(s, h, name: "add")
    }

    /// `DiscriminatorEpilogue` at 4x4 up to its last hidden layer: minibatch stddev, conv, fc: `(C, 4, 4) -> (C)`.
    static func epilogueFeatures(_ b: inout GraphBuilder, _ x: Value, channels c: Int, mbstdGroup: Int)
        throws(GraphError) -> Value
    {
        var x = try b.add(.minibatchStdDev(groupSize: mbstdGroup, statChannels: 1), [x], name: "mbstd")
        x = try b.conv(x, c, kernel: 3, padding: 1, name: "conv")
        x = try b.activation(x, lrelu, name: "lrelu")
        x = try b.add(.reshape(.vector(c * 16)), [x], name: "flatten")
        x = try b.linear(x, c, name: "fc")
        return try b.activation(x, lrelu, name: "fc_lrelu")
    }

    /// The whole unconditional D at `res` for `(3, res, res)` images: blocks down to 8x8, the epilogue and its
    /// 1-logit `out`. `prologue` may add ops on the image first (StyleGAN3-R's blur).
    static func build(resolution res: Int, channels: (Int) -> Int, mbstdGroup: Int,
                      prologue: (inout GraphBuilder, Value) throws(GraphError) -> Value = { _, x in x })
        throws(GraphError) -> Graph
    {
        var b = GraphBuilder(name: "D")
        let image = b.input("image", .image(3, res, res))
        var x = try prologue(&b, image)
        for r in resolutions(upTo: res).reversed() where r > 4 {
            b.block = "b\(r)"
            b.resolution = r
            if r == res { x = try fromRGB(&b, x, channels: channels(r)) }
            x = try block(&b, x, tmp: channels(r), out: channels(r / 2))
        }
        b.block = "b4"
        b.resolution = 4
        let c = channels(4)
        x = try epilogueFeatures(&b, x, channels: c, mbstdGroup: mbstdGroup)
        _ = try b.linear(x, 1, name: "out")
        return b.build()
    }

    /// 4, 8, ..., `res`.
    static func resolutions(upTo res: Int) -> [Int] { (2...res.trailingZeroBitCount).map { 1 << $0 } }
}
