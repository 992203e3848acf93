/// The optimizer applied to both networks.
public enum OptimizerKind: String, Codable, Sendable, Hashable, CaseIterable {
    case adam
    case sgd

    /// fp32 state tensors kept per parameter (Adam: first and second moments; SGD: momentum).
    public var stateTensors: Int {
        switch self {
        case .adam: 2
        case .sgd: 1
        }
    }

    /// FLOPs per parameter per update (Adam: two moment updates, bias corrections,
    /// square root, division and the weight update, about 12; SGD with momentum, 4).
    public var flopsPerParameter: Int {
        switch self {
        case .adam: 12
        case .sgd: 4
        }
    }
}
