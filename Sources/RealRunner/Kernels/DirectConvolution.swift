import CDirectConvolution
import CPUExecution
import Workload

/// A convolution or transposed convolution run by oneDNN, for one layer: its primitives per
/// batch size and thread count, created on first use.
///
/// Activations are `(B, C, H, W)`; weights are `(OC, C, k, k)` for a convolution and PyTorch's
/// `(Cin, Cout, k, k)` for a transposed one. oneDNN computes on the blocked layouts it picks for
/// the machine; the reorders to and from them use the run's shared `Workspace` buffers, so a
/// layer keeps no per-layer copy of its activations. No bias: the layers add it.
final class DirectConvolution {
    /// The layer's shape for one sample: channels and sizes of its input and output, square kernel.
    struct Shape: Hashable {
        var transposed: Bool
        var inChannels: Int, inHeight: Int, inWidth: Int
        var outChannels: Int, outHeight: Int, outWidth: Int
        var kernel: Int, stride: Int, padding: Int
    }

    /// Creates the convolution of a `.conv2d` or `.convTranspose2d` op, its per-sample sizes read from the op's
    /// shapes; no primitive is made until the first call.
    convenience init(op: Op) {
        let config: ConvConfig, transposed: Bool
        switch op.kind {
        case .conv2d(let c): (config, transposed) = (c, false)
        case .convTranspose2d(let c): (config, transposed) = (c, true)
        default: preconditionFailure("\(op.name) is not a convolution")
        }
        let x = op.inputShapes[0], y = op.outputShape
        self.init(shape: Shape(transposed: transposed, inChannels: x.channels, inHeight: x.height, inWidth: x.width,
                               outChannels: y.channels, outHeight: y.height, outWidth: y.width, kernel: config.kernel,
                               stride: config.stride, padding: config.padding))
    }

    private struct Key: Hashable {
        var batch: Int
        var threads: Int
    }

    let shape: Shape
    private var handles: [Key: OpaquePointer] = [:]

    /// Creates the layer's convolution; no primitive is made until the first call.
    init(shape: Shape) {
        self.shape = shape
    }

    deinit {
        for handle in handles.values { gansim_conv_destroy(handle) }
    }

    /// Samples per oneDNN call (`ConvolutionLayout.chunkSamples`).
    func chunkSamples(batch: Int) -> Int {
        let s = shape
        return ConvolutionLayout.chunkSamples(
            batch: batch,
            inputSampleBytes: ConvolutionLayout.blockedSampleBytes(channels: s.inChannels, height: s.inHeight,
                                                                   width: s.inWidth, block: VectorUnit.hostLanes),
            outputSampleBytes: ConvolutionLayout.blockedSampleBytes(channels: s.outChannels, height: s.outHeight,
                                                                    width: s.outWidth, block: VectorUnit.hostLanes))
    }

    /// `y (B, OC, OH, OW) = conv(x (B, C, H, W), w)`.
    func forward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, batch: Int,
                 workspace: Workspace) {
        forEachChunk(batch: batch, workspace: workspace) { handle, inOffset, outOffset, s in
            check(gansim_conv_forward(handle, x + inOffset, w, y + outOffset, s.0, s.1, s.2), "forward")
        }
    }

    /// `dx = ..` when `dx` is given and `dw += ..` when `dw` is given, from the forward's input `x`,
    /// its weights `w` and the output gradient `dy`.
    func backward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, batch: Int, workspace: Workspace) {
        if dx == nil && dw == nil { return }
        forEachChunk(batch: batch, workspace: workspace) { handle, inOffset, outOffset, s in
            check(gansim_conv_backward(handle, dy + outOffset, x + inOffset, w, dx.map { $0 + inOffset }, dw,
                                       s.0, s.1, s.2), "backward")
        }
    }

    /// Runs `body` once per chunk of `chunkSamples(batch:)` samples with the chunk's handle, the
    /// offsets (in floats) of its first input and output sample, and its scratch regions.
    private func forEachChunk(
        batch: Int, workspace: Workspace,
        _ body: (OpaquePointer, Int, Int, (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer)) -> Void
    ) {
        let inSample = shape.inChannels * shape.inHeight * shape.inWidth
        let outSample = shape.outChannels * shape.outHeight * shape.outWidth
        let chunk = chunkSamples(batch: batch)
        for b0 in stride(from: 0, to: batch, by: chunk) {
            let handle = self.handle(batch: min(chunk, batch - b0))
            body(handle, b0 * inSample, b0 * outSample, scratch(handle, workspace))
        }
    }

    /// The primitives for `batch` samples on the calling thread's thread count; a call on more
    /// than one thread counts as a split (`Parallel.splits`), since oneDNN always splits.
    private func handle(batch: Int) -> OpaquePointer {
        let key = Key(batch: batch, threads: Parallel.threads)
        if key.threads > 1 { CallerThreadState.current.splits += 1 }
        if let handle = handles[key] { return handle }
        let s = shape
        let description = gansim_conv_shape(
            transposed: s.transposed ? 1 : 0, batch: Int32(batch), in_channels: Int32(s.inChannels),
            in_height: Int32(s.inHeight), in_width: Int32(s.inWidth), out_channels: Int32(s.outChannels),
            out_height: Int32(s.outHeight), out_width: Int32(s.outWidth), kernel: Int32(s.kernel),
            stride: Int32(s.stride), padding: Int32(s.padding))
        var error = [CChar](repeating: 0, count: 512)
        guard let handle = gansim_conv_create(description, Int32(key.threads), &error, error.count) else {
            fatalError(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        handles[key] = handle
        return handle
    }

    private func scratch(_ handle: OpaquePointer, _ workspace: Workspace)
        -> (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer)
    {
        func region(_ i: Int) -> UnsafeMutableRawPointer {
            let floats = (gansim_conv_scratch_bytes(handle, Int32(i)) + 3) / 4
            return UnsafeMutableRawPointer(workspace.buffer(i, count: max(floats, 1)))
        }
        return (region(0), region(1), region(2))
    }

    private func check(_ status: Int32, _ pass: String) {
        if status != 0 { fatalError("oneDNN \(pass) of \(shape) failed with status \(status)") }
    }
}
