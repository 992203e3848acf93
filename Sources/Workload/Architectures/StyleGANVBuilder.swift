/// StyleGAN-V (Skorokhodov et al., CVPR 2022) as in universome/stylegan-v (src/training/networks.py, motion.py,
/// layers.py), from `../shared/workloads/stylegan-v.md`: a video GAN built on stylegan2-ada-pytorch.
///
/// One sample is one video of `frames` frames. Per-frame work is expressed on the frames stacked along the height,
/// `(C, frames * H, W)`: convolutions, filters and up-sampling then do exactly the per-frame work (a frame's border
/// pixels see zero padding or its neighbour's rows, which changes values, not costs). G: a StyleGAN2 skip generator
/// without noise inputs whose 4x4 constant is joined with each frame's motion code (a motion network over 86
/// trajectory codes, sampled at the frame's time with a Fourier time encoding). D: StyleGAN2's residual blocks per
/// frame down to 32 px, the block producing 16x16 features halved, the frames' features concatenated along channels
/// (a view), the rest once per video, and the time gaps projected onto the final features. The styles come from one
/// `w` per video, which the official code repeats per frame: the affine FCs and the demodulation are counted once per
/// video instead of per frame (small next to the convolutions).
enum StyleGANVBuilder: ArchitectureBuilder {
    static let architecture = Architecture.styleganV
    /// The sheet's 256 and 1024 px and the powers of two between; 128 px assumed (the per-frame D still reaches 32 px).
    static let supportedResolutions = [128, 256, 512, 1024]
    /// The FaceForensics set-up (the README's launch line) is 256 px.
    static let defaultResolution = 256
    /// `cfg: auto`: channel base 16384 below 512 px, 32768 from 512 px (as stylegan2-ada-pytorch's `auto`).
    static let widthKnob = (name: "channel_base", defaultValue: 16384)
    static let channelMax = 512
    /// z and w 512, mapping depth 2.
    static let defaultLatent = 512, defaultMapping = 2
    /// Sparse training: 3 frames per video.
    static let defaultFrames = 3
    /// Motion network: 86 trajectory codes of 512, two padding-less 1-D convolutions of kernel 11 and 512 channels.
    static let motionCodes = 86, motionKernel = 11, motionChannels = 512
    /// Features of the frame's time encoding joined to its motion code (assumed: the sheet's 256-dim Fourier
    /// encoding as 256 frequencies, sine and cosine; with the 512-d code that is the 1024 inputs that the rest of the
    /// motion network's 6,292,480 parameters, 524,288 = 1024 x 512 without bias, implies).
    static let timeFeatures = 512
    /// D's time-gap encoder: a 1024 x 256 embedding (the sheet's 262,144; `max_num_frames` 1024 assumed) and a
    /// fixed Fourier encoding of 10 frequencies, sine and cosine (derived: the conditioning mapping's 808,448 is an
    /// embed FC from 2 x (256 + 20) = 552 features plus two 512 FCs).
    static let gapRows = 1024, gapFeatures = 256, gapFrequencies = 10
    /// Width of the conditioning map projected on D's features (`cmap_dim` 512: the out FC's 262,656).
    static let conditioningDim = 512
    /// Minibatch-stddev group: stylegan2-ada-pytorch's `min(batch_gpu, 4)` at 4 or more videos per GPU.
    static let mbstdGroup = 4

    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel {
        let res = try resolution(config)
        let cbase = config.width ?? (res >= 512 ? 32768 : widthKnob.defaultValue)
        guard cbase >= res else {
            throw .invalid(field: "width", value: "\(cbase)", expected: "channel_base of at least the resolution (\(res))")
        }
        let frames = config.frames ?? defaultFrames
        guard frames >= 2 else {
            throw .invalid(field: "frames", value: "\(frames)",
                           expected: "at least 2 frames per video (D conditions on the time gaps between frames)")
        }
        let mapping = config.mappingLayers ?? defaultMapping
        guard mapping >= 1 else { throw .invalid(field: "mappingLayers", value: "\(mapping)", expected: "at least 1") }
        let zDim = config.latentDim ?? defaultLatent
        let wDim = zDim
        func channels(_ r: Int) -> Int { min(cbase / r, channelMax) }
        let resolutions = StyleGAN2Discriminator.resolutions(upTo: res)
        let lrelu = Activation.leakyReLU(slope: 0.2)

        let g = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "G")
            let z = b.input("z", .vector(zDim))
            let trajectory = b.input("motion_codes", TensorShape([motionChannels, motionCodes]))
            let times = b.input("frame_times", .vector(frames))
            let w = try StyleGAN2Generator.mapping(&b, z, layers: mapping, wDim: wDim)
            // Motion network: (512, 86) -> (512, 76) -> (512, 66), sampled per frame: (512 + 512, F) -> (512, F).
            b.block = "motion"
            var m = trajectory
            for i in 0..<2 {
                m = try b.add(.conv1d(ConvConfig(inChannels: motionChannels, outChannels: motionChannels,
                                                 kernel: motionKernel)), [m], name: "conv\(i)")
                m = try b.activation(m, lrelu, name: "lrelu\(i)")
            }
            m = try b.add(.motionSampling(timeFeatures: timeFeatures), [m, times], name: "sample")
            m = try b.add(.conv1d(ConvConfig(inChannels: motionChannels + timeFeatures, outChannels: motionChannels,
                                             kernel: 1, bias: false)), [m], name: "project")
            // No noise inputs; at 4x4 (512, F) -> (512 + 512, 4F, 4): the constant joined with the motion codes.
            let motion = m
            _ = try StyleGAN2Generator.synthesis(&b, resolutions: resolutions, channels: channels, w: w, noise: false) {
                (b: inout GraphBuilder, out: Int) throws(GraphError) -> Value in
                try b.add(.temporalInput(constantChannels: out, size: 4), [motion], name: "input")
            }
            return b.build()
        }

        let d = try graph { () throws(GraphError) -> Graph in
            var b = GraphBuilder(name: "D")
            let video = b.input("image", .image(3, frames * res, res))  // the video: (3, F * res, res)
            let gaps = b.input("time_gaps", .vector(frames - 1))
            // Conditioning: (F-1) gaps -> (F-1) * 276 -> embed FC, normalize, `mapping` FCs -> cmap (512).
            b.block = "conditioning"
            var c = try b.add(.timeGapEncoding(maxFrames: gapRows, features: gapFeatures, frequencies: gapFrequencies),
                              [gaps], name: "time_encoder")
            c = try b.linear(c, conditioningDim, name: "embed")
            c = try StyleGAN2Generator.mapping(&b, c, layers: mapping, wDim: conditioningDim, block: "conditioning")
            var x = video
            for r in resolutions.reversed() where r > 4 {
                b.block = "b\(r)"
                b.resolution = r
                if r == res { x = try StyleGAN2Discriminator.fromRGB(&b, x, channels: channels(r)) }
                // The block producing 16x16 features halves its output; then (C/2, F * 16, 16) -> (F * C/2, 16, 16).
                let out = r == 32 ? channels(16) / 2 : channels(r / 2)
                x = try StyleGAN2Discriminator.block(&b, x, tmp: channels(r), out: out)
                if r == 32 {
                    x = try b.add(.reshape(.image(frames * out, 16, 16)), [x], name: "concat_frames")
                }
            }
            b.block = "b4"
            b.resolution = 4
            x = try StyleGAN2Discriminator.epilogueFeatures(&b, x, channels: channels(4), mbstdGroup: mbstdGroup)
            x = try b.linear(x, conditioningDim, name: "out")
            _ = try b.add(.projection, [x, c], name: "project")
            return b.build()
        }
        return GANModel(config: config, name: "stylegan-v-\(res) (channel_base \(cbase), map \(mapping), \(frames) frames)",
                        generator: g, discriminator: d, imagesPerSample: frames)
    }
}
