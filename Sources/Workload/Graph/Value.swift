/// A tensor produced while building a graph: the producing op's id and its shape.
public struct Value: Hashable, Sendable {
    /// Id of the op that produces this tensor.
    public let id: Int
    /// Per-sample shape.
    public let shape: TensorShape
}
