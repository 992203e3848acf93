import CPUExecution
import Workload

/// `y (B, out) = x (B, in) W^T + b`, optionally with a spectrally normalised `W`.
public final class LinearLayer: Layer {
    public let op: Op
    let config: LinearConfig
    private var params: WeightParameters
    private var out = TensorCache(), dx = TensorCache()
    private var input: Tensor?

    /// Creates the layer for a `.linear` op.
    init(op: Op, config: LinearConfig, rng: SeededRandom) {
        self.op = op
        self.config = config
        params = WeightParameters(weightCount: config.inFeatures * config.outFeatures, hasBias: config.bias,
                                  spectralNorm: config.spectralNorm, rows: config.outFeatures, rng: rng)
    }

    public var parameterShapes: [(name: String, shape: [Int])] {
        [("weight", [config.outFeatures, config.inFeatures])] + (config.bias ? [("bias", [config.outFeatures])] : [])
    }

    public func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {
        params.bind(parameters: parameters, gradients: gradients)
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        // x is (B, in), y is (B, out)
        let x = inputs[0]
        input = x
        let y = out.get(outputShape(batch: x.batch))
        let weight = params.forwardWeight()
        LinearKernel.forward(x: x.data, w: weight, bias: params.b, y: y.data, batch: x.batch,
                             inFeatures: config.inFeatures, outFeatures: config.outFeatures)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let x = input!
        let weight = params.usedWeight
        let g = inputGradients[0] ? dx.get(x.shape) : nil
        if weightGradients {
            let gw = params.beginWeightGradient()
            LinearKernel.backward(dy: dy.data, x: x.data, w: weight, dw: gw, db: params.db, dx: g?.data,
                                  batch: x.batch, inFeatures: config.inFeatures, outFeatures: config.outFeatures)
            params.endWeightGradient()
        } else if let g {
            Gemm.sgemm(transA: false, transB: false, m: x.batch, n: config.inFeatures, k: config.outFeatures,
                       dy.data, weight, g.data)
        }
        return [g]
    }

    /// The spectral-norm state (nil without spectral norm).
    var spectralNormState: SpectralNormState? { params.spectral }
}
