/// A whole-network stretch of work within an iteration: a forward or backward pass of
/// one network at one batch, or an update. Work items are segments expanded per op.
public struct RecipeSegment: Sendable, Hashable {
    /// What the segment does.
    public enum Kind: Sendable, Hashable {
        case forward
        /// Backward in reverse op order: parameter gradients if `weights`, and the gradient
        /// carried all the way into the graph inputs if `intoInputs`.
        case backward(weights: Bool, intoInputs: Bool)
        /// The optimizer update of the network.
        case update
        /// The EMA update of G's weights.
        case ema
    }

    public var phase: StepPhase
    public var network: NetworkRole
    public var kind: Kind
    /// Samples processed (0 for updates).
    public var batch: Int
    /// Index of the D step within the iteration.
    public var step: Int
    public var microBatch: Int
    /// Whether this backward completes the step's gradients (they are then all-reduced).
    public var finishesGradients: Bool

    public init(phase: StepPhase, network: NetworkRole, kind: Kind, batch: Int, step: Int, microBatch: Int, finishesGradients: Bool) {
        self.phase = phase
        self.network = network
        self.kind = kind
        self.batch = batch
        self.step = step
        self.microBatch = microBatch
        self.finishesGradients = finishesGradients
    }
}
