import CPUExecution
import Workload

/// 2-D transposed convolution `(B, Cin, H, W) -> (B, Cout, OH, OW)` with PyTorch's
/// `(Cin, Cout, k, k)` weight, optionally spectrally normalised.
public final class ConvTranspose2DLayer: Layer {
    public let op: Op
    let config: ConvConfig
    private let workspace: Workspace
    private var params: WeightParameters
    private var out = TensorCache(), dx = TensorCache()
    private var input: Tensor?
    private var geometry: ConvGeometry?
    private let convolution: DirectConvolution

    /// Creates the layer for a `.convTranspose2d` op.
    init(op: Op, config: ConvConfig, workspace: Workspace, rng: SeededRandom) {
        self.op = op
        self.config = config
        self.workspace = workspace
        convolution = DirectConvolution(op: op)
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
        input = x
        let shape = outputShape(batch: x.batch)
        // The convolution whose input-gradient this op is: image = y, col spatial = x.
        let g = ConvGeometry(batch: x.batch, channels: config.outChannels, height: shape[2], width: shape[3],
                             kernel: config.kernel, stride: config.stride, padding: config.padding)
        geometry = g
        let y = out.get(shape)
        convolution.forward(x: x.data, w: params.forwardWeight(), y: y.data, batch: g.batch, workspace: workspace)
        if let b = params.b {
            Conv2DKernel.addBias(y.data, b, batch: g.batch, channels: g.channels, spatial: g.height * g.width)
        }
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = geometry!
        let gx = inputGradients[0] ? dx.get([g.batch, config.inChannels, g.outHeight, g.outWidth]) : nil
        let gw = weightGradients ? params.beginWeightGradient() : nil
        if weightGradients, let db = params.db {
            Conv2DKernel.sumBias(dy.data, into: db, batch: g.batch, channels: g.channels, spatial: g.height * g.width)
        }
        convolution.backward(dy: dy.data, x: input!.data, w: params.usedWeight, dx: gx?.data, dw: gw, batch: g.batch,
                           workspace: workspace)
        if weightGradients { params.endWeightGradient() }
        return [gx]
    }

    /// The spectral-norm state (nil without spectral norm).
    var spectralNormState: SpectralNormState? { params.spectral }
}
