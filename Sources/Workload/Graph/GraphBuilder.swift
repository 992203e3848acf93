/// Builds a `Graph` op by op, inferring and checking shapes as it goes.
///
/// Architecture builders set `block` and `resolution` before adding a stage's ops so
/// that each op knows where it sits (per-block mixed precision needs it).
public struct GraphBuilder {
    public let name: String
    /// The block the next ops belong to.
    public var block: String = ""
    /// The output resolution of the current block (0 outside image stages).
    public var resolution: Int = 0
    private var ops: [Op] = []

    public init(name: String) { self.name = name }

    /// Adds a graph input of the given per-sample shape.
    public mutating func input(_ opName: String, _ shape: TensorShape) -> Value {
        try! add(.input, [], name: opName, declared: shape)  // an input cannot fail shape checks
    }

    /// Adds an op consuming `inputs` and returns its output.
    ///
    /// - Throws: `GraphError` when the inputs do not fit the op.
    @discardableResult
    public mutating func add(_ kind: OpKind, _ inputs: [Value], name opName: String, declared: TensorShape? = nil)
        throws(GraphError) -> Value
    {
        let fullName = block.isEmpty ? "\(name).\(opName)" : "\(name).\(block).\(opName)"
        let shapes = inputs.map(\.shape)
        let out: TensorShape
        do {
            out = try kind.outputShape(inputs: shapes, declared: declared)
        } catch {
            throw GraphError(op: fullName, reason: error.reason)
        }
        let op = Op(
            id: ops.count, name: fullName, kind: kind, inputs: inputs.map(\.id), inputShapes: shapes,
            outputShape: out, block: block, resolution: resolution)
        ops.append(op)
        return Value(id: op.id, shape: out)
    }

    /// The finished graph; its output is the last op added.
    public func build() -> Graph {
        Graph(name: name, ops: ops, outputID: ops.count - 1)
    }
}
