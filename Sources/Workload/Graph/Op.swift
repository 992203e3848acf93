/// One node of a network graph: a kind, its inputs and inferred output shape.
///
/// Ops are created by `GraphBuilder`, which checks shapes; an op's `id` is its index in
/// `Graph.ops` and its inputs are ids of earlier ops (the graph is topologically ordered).
public struct Op: Hashable, Sendable {
    public let id: Int
    /// A dotted, human-readable name such as `G.b64.conv1`.
    public let name: String
    public let kind: OpKind
    /// Ids of the ops whose outputs this op consumes, in argument order.
    public let inputs: [Int]
    /// Per-sample shapes of the inputs.
    public let inputShapes: [TensorShape]
    /// Per-sample shape of the output.
    public let outputShape: TensorShape
    /// The architectural block the op belongs to (e.g. `b64`), for per-block precision.
    public let block: String
    /// The output resolution of the block in pixels (0 for non-image stages).
    public let resolution: Int
    /// Learned parameters.
    public let parameterCount: Int

    public init(
        id: Int, name: String, kind: OpKind, inputs: [Int], inputShapes: [TensorShape],
        outputShape: TensorShape, block: String, resolution: Int
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.inputs = inputs
        self.inputShapes = inputShapes
        self.outputShape = outputShape
        self.block = block
        self.resolution = resolution
        self.parameterCount = kind.parameterCount(output: outputShape)
    }

    /// Whether the op has parameters (and so a weight-gradient pass and optimizer state).
    public var hasParameters: Bool { parameterCount > 0 }
}
