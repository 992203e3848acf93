import CPUExecution
import Workload

/// 2-D convolution `(B, C, H, W) -> (B, OC, OH, OW)`, optionally spectrally normalised.
public final class Conv2DLayer: Layer {
    public let op: Op
    let config: ConvConfig
    private let workspace: Workspace
    private var params: WeightParameters
    private var out = TensorCache(), dx = TensorCache()
    private var input: Tensor?
    private var geometry: ConvGeometry?

    /// Creates the layer for a `.conv2d` op.
    init(op: Op, config: ConvConfig, workspace: Workspace, rng: SeededRandom) {
        self.op = op
        self.config = config
        self.workspace = workspace
        params = WeightParameters(weightCount: config.weightCount, hasBias: config.bias, spectralNorm: config.spectralNorm,
                                  rows: config.outChannels, rng: rng)
    }

    public var parameterShapes: [(name: String, shape: [Int])] {
        [("weight", [config.outChannels, config.inChannels, config.kernel, config.kernel])]
            + (config.bias ? [("bias", [config.outChannels])] : [])
    }

    public func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {
        params.bind(parameters: parameters, gradients: gradients)
    }

    /// Scratch for one chunk: column matrix, output/gradient transpose, column gradient.
    private func scratch(_ g: ConvGeometry) -> (col: UnsafeMutablePointer<Float>, work: UnsafeMutablePointer<Float>) {
        let cols = g.chunkSamples() * g.outHeight * g.outWidth
        return (workspace.buffer(0, count: g.colRows * cols), workspace.buffer(1, count: config.outChannels * cols))
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        // x is (B, C, H, W), y is (B, OC, OH, OW)
        let x = inputs[0]
        input = x
        let g = ConvGeometry(batch: x.batch, channels: config.inChannels, height: x.shape[2], width: x.shape[3],
                             kernel: config.kernel, stride: config.stride, padding: config.padding)
        geometry = g
        let y = out.get(outputShape(batch: x.batch))
        let s = scratch(g)
        Conv2DKernel.forward(x: x.data, w: params.forwardWeight(), bias: params.b, y: y.data,
                             outChannels: config.outChannels, geometry: g, col: s.col, work: s.work)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = geometry!
        let gx = inputGradients[0] ? dx.get([g.batch, g.channels, g.height, g.width]) : nil
        let s = scratch(g)
        let dcol = gx == nil ? nil : workspace.buffer(2, count: g.colRows * g.chunkSamples() * g.outHeight * g.outWidth)
        let gw = weightGradients ? params.beginWeightGradient() : nil
        Conv2DKernel.backward(dy: dy.data, x: input!.data, w: params.usedWeight, dw: gw,
                              db: weightGradients ? params.db : nil, dx: gx?.data, outChannels: config.outChannels,
                              geometry: g, col: s.col, work: s.work, dcol: dcol)
        if weightGradients { params.endWeightGradient() }
        return [gx]
    }

    /// The spectral-norm state (nil without spectral norm).
    var spectralNormState: SpectralNormState? { params.spectral }
}
