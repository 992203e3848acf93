import CPUExecution
import Workload

/// Average pooling with a `k x k` window and stride `k`: `(B, C, H, W) -> (B, C, H/k, W/k)`.
public final class AvgPoolLayer: Layer {
    public let op: Op
    let kernel: Int
    private var out = TensorCache(), dx = TensorCache()
    private var inputShape: [Int] = []

    /// Creates the layer for an `.avgPool` op.
    init(op: Op, kernel: Int) {
        self.op = op
        self.kernel = kernel
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        let x = inputs[0]
        inputShape = x.shape
        let y = out.get(outputShape(batch: x.batch))
        ResampleKernel.avgPoolForward(x: x.data, y: y.data, planes: x.shape[0] * x.shape[1],
                                      height: x.shape[2], width: x.shape[3], kernel: kernel)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        guard inputGradients[0] else { return [nil] }
        let g = dx.get(inputShape)
        ResampleKernel.avgPoolBackward(dy: dy.data, dx: g.data, planes: inputShape[0] * inputShape[1],
                                       height: inputShape[2], width: inputShape[3], kernel: kernel)
        return [g]
    }
}
