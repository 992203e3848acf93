/// Everything the cost model needs to know about one op at one batch size and precision.
public struct OpCost: Hashable, Sendable, Codable {
    public var forward: PassCost
    /// Gradient with respect to the op's inputs.
    public var backwardInput: PassCost
    /// Gradient with respect to the op's parameters.
    public var backwardWeight: PassCost
    /// Bytes this op keeps alive for backward beyond the tensors it shares with others
    /// (see `Graph.savedActivationBytes`).
    public var privateSavedBytes: Int
    /// The dominant matrix product of the forward pass, if the op lowers to one.
    public var gemm: GemmShape?

    public init(
        forward: PassCost = PassCost(), backwardInput: PassCost = PassCost(),
        backwardWeight: PassCost = PassCost(), privateSavedBytes: Int = 0, gemm: GemmShape? = nil
    ) {
        self.forward = forward
        self.backwardInput = backwardInput
        self.backwardWeight = backwardWeight
        self.privateSavedBytes = privateSavedBytes
        self.gemm = gemm
    }

    /// Backward FLOPs, both gradients.
    public var backwardFLOPs: Int { backwardInput.flops + backwardWeight.flops }

    /// Forward plus both backward passes.
    public var trainingFLOPs: Int { forward.flops + backwardFLOPs }
}
