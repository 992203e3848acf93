/// The kind of work a work item does.
public enum PassKind: String, Codable, Sendable, Hashable {
    case forward
    /// Gradient with respect to the op's inputs.
    case backwardInput
    /// Gradient with respect to the op's parameters.
    case backwardWeight
    /// The optimizer update of a whole network.
    case optimizer
    /// The exponential moving average of G's weights.
    case ema
}
