import CostModel

/// 2-D convolution `(B, C, H, W) -> (B, OC, OH, OW)`, optionally spectrally normalised.
public final class Conv2DLayer: Layer {
    public let op: Op
    let config: ConvConfig
    private let workspace: Workspace
    private var params: WeightParameters
    private var out = TensorCache(), dx = TensorCache(), col = TensorCache()
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

    public func forward(_ inputs: [Tensor]) -> Tensor {
        // x is (B, C, H, W), y is (B, OC, OH, OW)
        let x = inputs[0]
        let g = ConvGeometry(batch: x.batch, channels: config.inChannels, height: x.shape[2], width: x.shape[3],
                             kernel: config.kernel, stride: config.stride, padding: config.padding)
        geometry = g
        let y = out.get(outputShape(batch: x.batch))
        let c = col.get([g.colRows, g.colColumns])
        let weight = params.forwardWeight()
        Conv2DKernel.forward(x: x.data, w: weight, bias: params.b, y: y.data, outChannels: config.outChannels,
                             geometry: g, col: c.data,
                             work: workspace.buffer(0, count: config.outChannels * g.colColumns))
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = geometry!
        let weight = params.usedWeight
        let gx = inputGradients[0] ? dx.get([g.batch, g.channels, g.height, g.width]) : nil
        let work = workspace.buffer(0, count: config.outChannels * g.colColumns)
        let dcol = gx == nil ? nil : workspace.buffer(1, count: g.colRows * g.colColumns)
        if weightGradients {
            let gw = params.beginWeightGradient()
            Conv2DKernel.backward(dy: dy.data, w: weight, col: col.get([g.colRows, g.colColumns]).data, dw: gw, db: params.db,
                                  dx: gx?.data, outChannels: config.outChannels, geometry: g, work: work, dcol: dcol)
            params.endWeightGradient()
        } else if let gx, let dcol {
            let L = g.outHeight * g.outWidth
            Im2Col.swapLeading(dy.data, work, a: g.batch, b: config.outChannels, l: L)
            Gemm.sgemm(transA: true, transB: false, m: g.colRows, n: g.colColumns, k: config.outChannels, weight, work, dcol)
            gx.zero()
            Im2Col.col2im(dcol, gx.data, g)
        }
        return [gx]
    }

    /// The spectral-norm state (nil without spectral norm).
    var spectralNormState: SpectralNormState? { params.spectral }
}
