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
    private let convolution: DirectConvolution

    /// Creates the layer for a `.conv2d` op.
    init(op: Op, config: ConvConfig, workspace: Workspace, rng: SeededRandom) {
        self.op = op
        self.config = config
        self.workspace = workspace
        convolution = DirectConvolution(op: op)
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
        input = x
        let g = ConvGeometry(batch: x.batch, channels: config.inChannels, height: x.shape[2], width: x.shape[3],
                             kernel: config.kernel, stride: config.stride, padding: config.padding)
        geometry = g
        let y = out.get(outputShape(batch: x.batch))
        convolution.forward(x: x.data, w: params.forwardWeight(), y: y.data, batch: g.batch, workspace: workspace)
        if let b = params.b {
            Conv2DKernel.addBias(y.data, b, batch: g.batch, channels: config.outChannels, spatial: g.outHeight * g.outWidth)
        }
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = geometry!
        let gx = inputGradients[0] ? dx.get([g.batch, g.channels, g.height, g.width]) : nil
        let gw = weightGradients ? params.beginWeightGradient() : nil
        if weightGradients, let db = params.db {
            Conv2DKernel.sumBias(dy.data, into: db, batch: g.batch, channels: config.outChannels,
                                 spatial: g.outHeight * g.outWidth)
        }
        convolution.backward(dy: dy.data, x: input!.data, w: params.usedWeight, dx: gx?.data, dw: gw, batch: g.batch,
                           workspace: workspace)
        if weightGradients { params.endWeightGradient() }
        return [gx]
    }

    /// The spectral-norm state (nil without spectral norm).
    var spectralNormState: SpectralNormState? { params.spectral }
}
