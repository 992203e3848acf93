import CPUExecution
import Workload

/// A graph input: its output is the tensor the caller feeds.
public final class InputLayer: Layer {
    public let op: Op
    /// The tensor fed for the current pass.
    var value: Tensor?

    /// Creates the layer for an `.input` op.
    init(op: Op) { self.op = op }

    public func forward(_ inputs: [Tensor]) -> Tensor { value! }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] { [] }
}
