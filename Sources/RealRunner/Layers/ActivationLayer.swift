import CPUExecution
import Workload

/// A pointwise nonlinearity; keeps its output for backward.
public final class ActivationLayer: Layer {
    public let op: Op
    let function: Activation
    private var out = TensorCache(), dx = TensorCache()

    /// Creates the layer for an `.activation` op.
    init(op: Op, function: Activation) {
        self.op = op
        self.function = function
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        let x = inputs[0]
        let y = out.get(x.shape)
        ActivationKernel.forward(function, x: x.data, y: y.data, count: x.count)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        guard inputGradients[0] else { return [nil] }
        let g = dx.get(dy.shape)
        ActivationKernel.backward(function, y: out.get(dy.shape).data, dy: dy.data, dx: g.data, count: dy.count)
        return [g]
    }
}
