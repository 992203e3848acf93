import CPUExecution
import Workload

/// Why the runner cannot do what was asked, phrased so that a user can act on it.
public enum RunnerError: Error, Equatable, CustomStringConvertible {
    /// The graph contains an op the CPU trainer has no kernel for.
    case unsupportedOp(op: String, kind: String, network: String)
    /// A graph that does not have exactly one input.
    case unsupportedGraph(name: String, reason: String)
    /// A flag or option value outside what the runner accepts.
    case invalidOption(field: String, value: String, expected: String)
    /// A dataset that is missing, unreadable or malformed.
    case badData(path: String, reason: String)
    /// A dataset that does not fit the model (shape, channels).
    case datasetMismatch(dataset: String, reason: String)
    /// An output file that could not be written.
    case cannotWrite(path: String, reason: String)
    /// A fixture or checkpoint file that does not fit the network.
    case badFixture(reason: String)
    /// The model configuration cannot be built.
    case model(ModelError)

    public var description: String {
        switch self {
        case .unsupportedOp(let op, let kind, let network):
            "the CPU trainer cannot execute op '\(op)' of kind '\(kind)' (network \(network)); "
                + "supported kinds: \(LayerFactory.supportedKinds.joined(separator: ", "))"
        case .unsupportedGraph(let name, let reason): "cannot run graph \(name): \(reason)"
        case .invalidOption(let field, let value, let expected): "invalid \(field) '\(value)': expected \(expected)"
        case .badData(let path, let reason): "bad dataset '\(path)': \(reason)"
        case .datasetMismatch(let dataset, let reason): "dataset '\(dataset)' does not fit the model: \(reason)"
        case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
        case .badFixture(let reason): "bad fixture: \(reason)"
        case .model(let e): e.description
        }
    }
}
