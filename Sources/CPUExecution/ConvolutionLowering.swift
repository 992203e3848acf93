import Workload

/// The column matrix that a CPU convolution builds (im2col) or folds back (col2im) around
/// its matrix product: traffic that the op's own bytes (input, output, weights) leave out.
///
/// gansim's CPU trainer (`Conv2DKernel`, `ConvTranspose2DKernel` in RealRunner) lowers
/// - a convolution, GEMM `(m: OC, n: B*OH*OW, k: C*k*k)`: forward im2col of the input, weight
///   gradient im2col again, input gradient col2im of `dcol`, each a `(k x n)` column matrix;
/// - a transposed convolution, GEMM `(m: Cout*k*k, n: B*H*W, k: Cin)`: forward col2im of an
///   `(m x n)` matrix, backward one im2col of the output gradient shared by both gradients
///   (counted with the weight gradient, which every generator backward computes).
///
/// The trainer copies (or adds) the column matrix one contiguous segment at a time: one
/// output row of one kernel tap of one sample (`rowLength`). Each segment costs a loop step
/// and a call beside its bytes, which short rows pay per few bytes, so a segment is priced
/// apart from the bytes (`OpClassParameters`); the measurements are in docs/cpu-model.md.
///
/// Accelerators run implicit GEMM with no such matrix; their profiles carry no lowering
/// parameter, so this traffic prices nothing there.
public enum ConvolutionLowering {
    /// Bytes of column matrix a pass of `opClass` writes or reads besides its GEMM, or 0.
    public static func columnBytes(_ opClass: OpClass, pass: PassKind, gemm: GemmShape?, precision: Precision) -> Int {
        guard let g = gemm else { return 0 }
        let p = precision.bytesPerElement
        switch (opClass, pass) {
        case (.convolution, .forward), (.convolution, .backwardInput), (.convolution, .backwardWeight):
            return g.k * g.n * p
        case (.transposedConvolution, .forward), (.transposedConvolution, .backwardWeight):
            return g.m * g.n * p
        default:
            return 0
        }
    }

    /// Elements in each contiguous segment of the column matrix of `op`: the lowered
    /// convolution's output width (a transposed convolution's input width); 0 for ops the
    /// CPU trainer does not lower.
    public static func rowLength(of op: Op) -> Int {
        switch op.kind {
        case .conv2d: op.outputShape.width
        case .convTranspose2d: op.inputShapes[0].width
        default: 0
        }
    }

    /// Segments in `columnBytes` of column matrix whose segments hold `rowLength` elements
    /// (0 when `rowLength` is 0).
    public static func segments(columnBytes: Int, rowLength: Int, precision: Precision) -> Int {
        rowLength > 0 ? columnBytes / (rowLength * precision.bytesPerElement) : 0
    }

    /// Column bytes of a whole timed pass as the CPU trainer records it: the forward, or a
    /// backward computing weight and/or input gradients.
    public static func columnBytes(_ opClass: OpClass, forward: Bool, weightGradients: Bool, inputGradients: Bool,
                                   gemm: GemmShape?, precision: Precision) -> Int {
        if forward { return columnBytes(opClass, pass: .forward, gemm: gemm, precision: precision) }
        return (weightGradients ? columnBytes(opClass, pass: .backwardWeight, gemm: gemm, precision: precision) : 0)
            + (inputGradients ? columnBytes(opClass, pass: .backwardInput, gemm: gemm, precision: precision) : 0)
    }

    /// Floats of the column matrix `op` holds at once when the trainer lowers `batch` samples: one chunk of
    /// `ThreadSplit.chunkSamples` samples, `(rows, n * L)` with `L` the lowered pixels per sample; 0 for ops the trainer
    /// does not lower.
    public static func chunkColumnFloats(of op: Op, batch: Int) -> Int {
        let rows: Int, pixels: Int
        switch op.kind {
        case .conv2d(let c):
            rows = c.inChannels * c.kernel * c.kernel
            pixels = op.outputShape.height * op.outputShape.width
        case .convTranspose2d(let c):
            rows = c.outChannels * c.kernel * c.kernel
            pixels = op.inputShapes[0].height * op.inputShapes[0].width
        default:
            return 0
        }
        let n = ThreadSplit.chunkSamples(batch: batch, columnFloatsPerSample: rows * pixels, columnsPerSample: pixels)
        return rows * n * pixels
    }

    /// The largest `chunkColumnFloats` over the ops of `graph` at `batch`: what the trainer's convolution scratch
    /// buffers are sized by.
    public static func largestChunkColumnFloats(in graph: Graph, batch: Int) -> Int {
        graph.ops.map { chunkColumnFloats(of: $0, batch: batch) }.max() ?? 0
    }
}
