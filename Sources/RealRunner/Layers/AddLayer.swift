import CPUExecution
import Workload

/// Elementwise sum of two equally shaped inputs (residual connection).
public final class AddLayer: Layer {
    public let op: Op
    private var out = TensorCache()

    /// Creates the layer for an `.add` op.
    init(op: Op) { self.op = op }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        let a = inputs[0], b = inputs[1]
        let y = out.get(a.shape)
        Parallel.forEach(a.count) { r in for i in r { y.data[i] = a.data[i] + b.data[i] } }
        return y
    }

    /// Both inputs receive `dy` itself (the network copies before accumulating).
    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        inputGradients.map { $0 ? dy : nil }
    }
}
