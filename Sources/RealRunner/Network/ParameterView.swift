/// A named tensor inside a network's flat parameter buffer.
public struct ParameterView: Hashable, Sendable {
    /// `op name` + `.` + `weight` / `bias`, e.g. `D.b32.conv.weight`.
    public var name: String
    /// Index of the layer (op id) that owns it.
    public var opID: Int
    /// First element in the flat buffer.
    public var offset: Int
    /// Dimensions in PyTorch order.
    public var shape: [Int]

    /// Elements of the tensor.
    public var count: Int { shape.reduce(1, *) }
}
