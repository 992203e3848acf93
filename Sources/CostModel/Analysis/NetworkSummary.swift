import Workload
/// Size and per-sample work of one network.
public struct NetworkSummary: Sendable, Hashable, Codable {
    public var parameters: Int
    public var ops: Int
    /// Forward FLOPs per sample.
    public var forwardFLOPsPerSample: Int
    /// Forward plus full backward FLOPs per sample.
    public var trainingFLOPsPerSample: Int
    /// Output shape per sample, e.g. `[3x128x128]`.
    public var outputShape: String

    /// Summarises `graph` (FLOPs per sample at batch 1, fp32; spectral-norm work included).
    public init(_ graph: Graph) {
        parameters = graph.parameterCount
        ops = graph.ops.filter { $0.kind != .input }.count
        var fwd = 0, train = 0
        for op in graph.ops {
            let c = op.cost(batch: 1, precision: .fp32)
            fwd += c.forward.flops
            train += c.trainingFLOPs
        }
        forwardFLOPsPerSample = fwd
        trainingFLOPsPerSample = train
        outputShape = graph.outputShape.description
    }
}
