import Workload

/// How the CPU trainer runs a convolution or transposed convolution: oneDNN's direct kernels on
/// the blocked layouts oneDNN picks, with the trainer's plain `(B, C, H, W)` tensors converted
/// to and from them around every call (RealRunner's `DirectConvolution`).
///
/// The conversions are traffic the op's own bytes leave out: every tensor a pass reads is
/// read plain and written blocked, and every tensor it writes is read blocked and written
/// plain (the weight gradient is also read once more, to be added to the running sum), so a
/// pass moves about twice its own bytes again (`conversionBytes`), less an image of fewer
/// channels than a block that oneDNN's first-layer kernels read plain (no reorder runs for it: a
/// reorder runs only between unlike layouts). A CPU profile prices them
/// at its class's fitted lowering efficiency (`OpClassParameters.loweringEfficiency`).
///
/// The batch is run a chunk of samples at a time (`chunkSamples`), so that the blocked copies
/// of a chunk's input and output stay within `chunkBytes` each: the trainer's three shared
/// scratch buffers hold one chunk's blocked input, its blocked output and the blocked weights
/// (`workspaceBytes`), instead of a blocked copy of the whole batch.
///
/// oneDNN's kernels compute whole channel blocks, so a pass executes more multiply-adds than
/// the op's own FLOPs where a channel count is not a multiple of the channel block
/// (`executedFlops`): DCGAN's 3-channel images and 1-channel scores, widths such as 24.
///
/// The block is the vector width of the CPU that runs the trainer: the host's
/// (`VectorUnit.hostLanes`) for the trainer's own chunks and recorded FLOPs, a CPU profile's
/// (`DeviceProfile.vectorLanes`) where that profile prices, so that a catalog profile prices
/// the same on every host.
///
/// Accelerators convolve their tensors in place; their profiles carry no lowering parameter,
/// so this traffic prices nothing there.
public enum ConvolutionLayout {
    /// Most bytes of one chunk's blocked input, or of its blocked output.
    public static let chunkBytes = 8 << 20
    /// The channel block of a CPU profile that does not give its vector lanes (a profile file written before
    /// `DeviceProfile.vectorLanes`): the AVX-512 block of the development sessions' VM, where such files were fitted.
    public static let assumedChannelBlock = 16

    /// Channels per block of oneDNN's blocked activation and weight layouts on a CPU whose vector unit holds
    /// `vectorLanes` fp32 lanes (`VectorUnit`): 16 on AVX-512 (`nChw16c`, `OIhw16i16o`), 8 on AVX2 (`nChw8c`).
    /// Channel counts are padded up to a multiple of it.
    public static func channelBlock(vectorLanes: Int) -> Int { max(1, vectorLanes) }

    /// Whether the CPU trainer runs `op` in oneDNN.
    public static func runsInOneDNN(_ op: Op) -> Bool {
        switch op.kind {
        case .conv2d, .convTranspose2d: true
        default: false
        }
    }

    /// Bytes of one sample of a `(channels, height, width)` fp32 activation in the layout of `block`-channel blocks.
    public static func blockedSampleBytes(channels: Int, height: Int, width: Int, block: Int) -> Int {
        padded(channels, block) * height * width * 4
    }

    /// Samples per oneDNN call for a batch of `batch`, whose blocked input and output take
    /// `inputSampleBytes` and `outputSampleBytes` per sample: as many as keep both within
    /// `chunkBytes`, at least one and at most the batch.
    public static func chunkSamples(batch: Int, inputSampleBytes: Int, outputSampleBytes: Int) -> Int {
        max(1, min(batch, chunkBytes / max(inputSampleBytes, outputSampleBytes, 1)))
    }

    /// Bytes the layout conversions of a pass of an op of `opClass` move, for a pass that
    /// itself reads and writes `cost`'s bytes: twice those for convolutions and transposed
    /// convolutions, 0 for every other class.
    public static func conversionBytes(_ opClass: OpClass, cost: PassCost) -> Int {
        switch opClass {
        case .convolution, .transposedConvolution: 2 * cost.bytes
        default: 0
        }
    }

    /// Bytes the layout conversions of a pass of `op` over `batch` samples move, for a pass that itself reads and
    /// writes `cost`'s bytes: twice those (`conversionBytes(_:cost:)`), less twice the image side's where the pass
    /// reads it plain (`readsImagePlain`: oneDNN's first-layer kernels take the plain tensor, so no reorder runs
    /// for it); 0 for ops the trainer does not run in oneDNN.
    public static func conversionBytes(of op: Op, pass: PassKind, cost: PassCost, batch: Int, block: Int) -> Int {
        guard let side = imageSide(of: op, pass: pass) else { return 0 }
        let plain = readsImagePlain(side, pass: pass, block: block) ? 4 * batch * side.elements : 0
        return max(0, conversionBytes(op.kind.opClass, cost: cost) - 2 * plain)
    }

    /// FLOPs a pass of `op` executes in oneDNN for `flops` of the op's own: the channels on
    /// each side of the equivalent convolution padded to `block` channels, except an image side
    /// of fewer channels than a block where the pass reads it plain (`readsImagePlain`).
    /// `flops` unchanged for every other op.
    public static func executedFlops(of op: Op, pass: PassKind, flops: Int, block: Int) -> Int {
        guard let side = imageSide(of: op, pass: pass) else { return flops }
        let imageFactor = readsImagePlain(side, pass: pass, block: block) ? 1
            : Double(padded(side.channels, block)) / Double(side.channels)
        return Int((Double(flops) * imageFactor * Double(padded(side.other, block)) / Double(side.other)).rounded())
    }

    /// The convolution a pass runs: the channels and per-sample elements of its (B, C, H, W) image side, the
    /// channels of its other side, and whether the pass computes the image's gradient.
    private struct ImageSide {
        var channels: Int, elements: Int, other: Int, imageGradient: Bool
    }

    /// The image side of a pass of `op`; nil for ops the trainer does not run in oneDNN.
    private static func imageSide(of op: Op, pass: PassKind) -> ImageSide? {
        switch op.kind {
        case .conv2d(let c):
            ImageSide(channels: c.inChannels, elements: op.inputShapes[0].elementCount, other: c.outChannels,
                      imageGradient: pass == .backwardInput)
        case .convTranspose2d(let c):
            ImageSide(channels: c.outChannels, elements: op.outputShape.elementCount, other: c.inChannels,
                      imageGradient: pass == .forward)
        default:
            nil
        }
    }

    /// Whether a pass reads its image side plain: an image of fewer channels than a block in a pass that does not
    /// compute its gradient (the forward and weight gradient of a convolution, the input and weight gradients of a
    /// transposed one: oneDNN's first-layer kernels).
    private static func readsImagePlain(_ side: ImageSide, pass: PassKind, block: Int) -> Bool {
        side.channels < block && !side.imageGradient
    }

    /// The bytes of the three scratch buffers (blocked input chunk, blocked output chunk,
    /// blocked weights) that `op` needs when the trainer runs it on `batch` samples in
    /// `block`-channel blocks, or nil for ops it does not run through oneDNN.
    public static func scratchBytes(of op: Op, batch: Int, block: Int) -> [Int]? {
        let weights: Int
        switch op.kind {
        case .conv2d(let c), .convTranspose2d(let c):
            weights = padded(c.inChannels, block) * padded(c.outChannels, block) * c.kernel * c.kernel * 4
        default:
            return nil
        }
        let (inSample, outSample) = sampleBytes(of: op, block: block)
        let n = chunkSamples(batch: batch, inputSampleBytes: inSample, outputSampleBytes: outSample)
        return [n * inSample, n * outSample, weights]
    }

    /// Samples per oneDNN call of `op` on `batch` samples in `block`-channel blocks, or nil for ops it does not run
    /// through oneDNN.
    static func chunkSamples(of op: Op, batch: Int, block: Int) -> Int? {
        guard runsInOneDNN(op) else { return nil }
        let (inSample, outSample) = sampleBytes(of: op, block: block)
        return chunkSamples(batch: batch, inputSampleBytes: inSample, outputSampleBytes: outSample)
    }

    /// Bytes of one sample of `op`'s input and output in `block`-channel blocks.
    private static func sampleBytes(of op: Op, block: Int) -> (input: Int, output: Int) {
        let x = op.inputShapes[0], y = op.outputShape
        return (blockedSampleBytes(channels: x.channels, height: x.height, width: x.width, block: block),
                blockedSampleBytes(channels: y.channels, height: y.height, width: y.width, block: block))
    }

    /// Bytes of the trainer's shared convolution scratch after running `graph` at `batch` in
    /// `block`-channel blocks: each of the three buffers grows to the largest size any op needs of it.
    public static func workspaceBytes(in graph: Graph, batch: Int, block: Int) -> [Int] {
        graph.ops.compactMap { scratchBytes(of: $0, batch: batch, block: block) }
            .reduce([0, 0, 0]) { zip($0, $1).map { max($0, $1) } }
    }

    private static func padded(_ channels: Int, _ block: Int) -> Int {
        (channels + block - 1) / block * block
    }
}
