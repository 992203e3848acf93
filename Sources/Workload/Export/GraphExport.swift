/// A model's two graphs as plain data, with every op's cost at one batch: what
/// `gansim export-graph` prints and `scripts/measure_graph.py` rebuilds in PyTorch.
public struct GraphExport: Sendable, Codable {
    /// One op.
    public struct OpRecord: Sendable, Codable {
        public var id: Int
        public var name: String
        public var kind: String
        public var opClass: OpClass
        public var attributes: [String: Double]
        public var inputs: [Int]
        public var inputShapes: [[Int]]
        public var outputShape: [Int]
        public var block: String
        public var resolution: Int
        public var parameters: Int
        /// Cost at the export's batch and precision.
        public var cost: OpCost
    }

    /// One network.
    public struct NetworkRecord: Sendable, Codable {
        public var name: String
        public var parameters: Int
        public var ops: [OpRecord]
    }

    /// Format version of this file.
    public var format = 1
    public var model: String
    public var config: ModelConfig
    public var batch: Int
    public var precision: Precision
    public var generator: NetworkRecord
    public var discriminator: NetworkRecord

    /// Exports `model` with op costs at `batch` and `precision`.
    public init(model: GANModel, batch: Int, precision: Precision) {
        func network(_ g: Graph) -> NetworkRecord {
            NetworkRecord(name: g.name, parameters: g.parameterCount, ops: g.ops.map { op in
                OpRecord(id: op.id, name: op.name, kind: op.kind.name, opClass: op.kind.opClass,
                         attributes: op.kind.attributes, inputs: op.inputs, inputShapes: op.inputShapes.map(\.dims),
                         outputShape: op.outputShape.dims, block: op.block, resolution: op.resolution,
                         parameters: op.parameterCount, cost: op.cost(batch: batch, precision: precision))
            })
        }
        self.model = model.name
        config = model.config
        self.batch = batch
        self.precision = precision
        generator = network(model.generator)
        discriminator = network(model.discriminator)
    }
}
