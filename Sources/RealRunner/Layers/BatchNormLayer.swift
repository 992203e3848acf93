import CostModel

/// Batch norm in training mode over `(B, C, H, W)` or `(B, C)`.
public final class BatchNormLayer: Layer {
    public let op: Op
    let channels: Int
    let affine: Bool
    private var gamma: UnsafeMutablePointer<Float>?, beta: UnsafeMutablePointer<Float>?
    private var dgamma: UnsafeMutablePointer<Float>?, dbeta: UnsafeMutablePointer<Float>?
    private var out = TensorCache(), dx = TensorCache(), xhat = TensorCache(), invStd = TensorCache()

    /// Creates the layer for a `.batchNorm` op.
    init(op: Op, channels: Int, affine: Bool) {
        self.op = op
        self.channels = channels
        self.affine = affine
    }

    public var parameterShapes: [(name: String, shape: [Int])] {
        affine ? [("weight", [channels]), ("bias", [channels])] : []
    }

    public func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {
        guard affine else { return }
        gamma = parameters
        beta = parameters + channels
        dgamma = gradients
        dbeta = gradients + channels
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        // x is (B, C, L) with L = H*W (1 for vectors)
        let x = inputs[0]
        let y = out.get(x.shape)
        let h = xhat.get(x.shape)
        let s = invStd.get([channels])
        BatchNormKernel.forward(x: x.data, gamma: gamma, beta: beta, y: y.data, xhat: h.data, invStd: s.data,
                                batch: x.batch, channels: channels, spatial: x.sampleCount / channels)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = inputGradients[0] ? dx.get(dy.shape) : nil
        BatchNormKernel.backward(dy: dy.data, xhat: xhat.get(dy.shape).data, invStd: invStd.get([channels]).data,
                                 gamma: gamma, dgamma: weightGradients ? dgamma : nil,
                                 dbeta: weightGradients ? dbeta : nil, dx: g?.data,
                                 batch: dy.batch, channels: channels, spatial: dy.sampleCount / channels)
        return [g]
    }
}
