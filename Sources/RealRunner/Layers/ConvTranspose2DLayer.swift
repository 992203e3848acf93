import CostModel

/// 2-D transposed convolution `(B, Cin, H, W) -> (B, Cout, OH, OW)` with PyTorch's
/// `(Cin, Cout, k, k)` weight, optionally spectrally normalised.
public final class ConvTranspose2DLayer: Layer {
    public let op: Op
    let config: ConvConfig
    private let workspace: Workspace
    private var params: WeightParameters
    private var out = TensorCache(), dx = TensorCache(), xt = TensorCache()
    private var geometry: ConvGeometry?

    /// Creates the layer for a `.convTranspose2d` op.
    init(op: Op, config: ConvConfig, workspace: Workspace, rng: SeededRandom) {
        self.op = op
        self.config = config
        self.workspace = workspace
        params = WeightParameters(weightCount: config.weightCount, hasBias: config.bias, spectralNorm: config.spectralNorm,
                                  rows: config.inChannels, rng: rng)
    }

    public var parameterShapes: [(name: String, shape: [Int])] {
        [("weight", [config.inChannels, config.outChannels, config.kernel, config.kernel])]
            + (config.bias ? [("bias", [config.outChannels])] : [])
    }

    public func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {
        params.bind(parameters: parameters, gradients: gradients)
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        // x is (B, Cin, H, W), y is (B, Cout, OH, OW)
        let x = inputs[0]
        let shape = outputShape(batch: x.batch)
        // The convolution whose input-gradient this op is: image = y, col spatial = x.
        let g = ConvGeometry(batch: x.batch, channels: config.outChannels, height: shape[2], width: shape[3],
                             kernel: config.kernel, stride: config.stride, padding: config.padding)
        geometry = g
        let y = out.get(shape)
        let t = xt.get([config.inChannels, g.colColumns])
        let weight = params.forwardWeight()
        ConvTranspose2DKernel.forward(x: x.data, w: weight, bias: params.b, y: y.data, inChannels: config.inChannels,
                                      geometry: g, xt: t.data,
                                      col: workspace.buffer(0, count: g.colRows * g.colColumns))
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = geometry!
        let weight = params.usedWeight
        let gx = inputGradients[0] ? dx.get([g.batch, config.inChannels, g.outHeight, g.outWidth]) : nil
        let dcol = workspace.buffer(0, count: g.colRows * g.colColumns)
        let work = workspace.buffer(1, count: config.inChannels * g.colColumns)
        if weightGradients {
            let gw = params.beginWeightGradient()
            ConvTranspose2DKernel.backward(dy: dy.data, w: weight, xt: xt.get([config.inChannels, g.colColumns]).data,
                                           dw: gw, db: params.db, dx: gx?.data, inChannels: config.inChannels, geometry: g,
                                           dcol: dcol, work: work)
            params.endWeightGradient()
        } else if let gx {
            Im2Col.im2col(dy.data, dcol, g)
            Gemm.sgemm(transA: false, transB: false, m: config.inChannels, n: g.colColumns, k: g.colRows, weight, dcol, work)
            Im2Col.swapLeading(work, gx.data, a: config.inChannels, b: g.batch, l: g.outHeight * g.outWidth)
        }
        return [gx]
    }

    /// The spectral-norm state (nil without spectral norm).
    var spectralNormState: SpectralNormState? { params.spectral }
}
