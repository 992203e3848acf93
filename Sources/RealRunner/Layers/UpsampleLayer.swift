import CPUExecution
import Workload

/// Nearest-neighbour upsampling `(B, C, H, W) -> (B, C, H*f, W*f)`.
public final class UpsampleLayer: Layer {
    public let op: Op
    let factor: Int
    private var out = TensorCache(), dx = TensorCache()
    private var inputShape: [Int] = []

    /// Creates the layer for an `.upsample` op.
    init(op: Op, factor: Int) {
        self.op = op
        self.factor = factor
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        let x = inputs[0]
        inputShape = x.shape
        let y = out.get(outputShape(batch: x.batch))
        ResampleKernel.upsampleForward(x: x.data, y: y.data, planes: x.shape[0] * x.shape[1],
                                       height: x.shape[2], width: x.shape[3], factor: factor)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        guard inputGradients[0] else { return [nil] }
        let g = dx.get(inputShape)
        ResampleKernel.upsampleBackward(dy: dy.data, dx: g.data, planes: inputShape[0] * inputShape[1],
                                        height: inputShape[2], width: inputShape[3], factor: factor)
        return [g]
    }
}
