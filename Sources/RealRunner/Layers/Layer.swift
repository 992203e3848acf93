import CPUExecution
import Workload

/// One executable op of a network, built from a CostModel `Op`.
///
/// A layer owns its output and saved-activation buffers; its parameters live in the
/// network's flat `ParameterBuffer` and are handed to it by `bind`. Backward
/// accumulates (`+=`) into the parameter gradients, so several backward passes
/// (real and fake batches, gradient accumulation) add up until the optimizer zeroes them.
public protocol Layer: AnyObject {
    /// The CostModel op this layer executes.
    var op: Op { get }
    /// Names and shapes of the parameter tensors in PyTorch order (weight, then bias).
    var parameterShapes: [(name: String, shape: [Int])] { get }
    /// Points the layer at its parameters and their gradients (consecutive, in
    /// `parameterShapes` order).
    func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>)
    /// Computes the output for a batch; the returned tensor is owned by the layer and
    /// stays valid until the next `forward`.
    func forward(_ inputs: [Tensor]) -> Tensor
    /// Given the gradient of the output, accumulates parameter gradients (when
    /// `weightGradients`) and returns the gradient of each input for which
    /// `inputGradients[i]` is set (`nil` for the others).
    func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?]
}

extension Layer {
    public var parameterShapes: [(name: String, shape: [Int])] { [] }
    public func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {}

    /// The output shape for a batch of `batch` samples.
    func outputShape(batch: Int) -> [Int] { [batch] + op.outputShape.dims }
}
