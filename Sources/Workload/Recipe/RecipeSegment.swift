/// A whole-network stretch of work within an iteration: a forward or backward pass of
/// one network at one batch, or an update. Work items are segments expanded per op.
public struct RecipeSegment: Sendable, Hashable {
    /// What the segment does.
    public enum Kind: Sendable, Hashable {
        case forward
        /// Backward in reverse op order: parameter gradients if `weights`, and the gradient
        /// carried all the way into the graph inputs if `intoInputs`.
        case backward(weights: Bool, intoInputs: Bool)
        /// The backward of a gradient taken with `create_graph` (R1, path length): autograd differentiates the first
        /// backward's graph and the forward's. For a product `gx = Wᵀ·gy` of the first backward, the derivative with
        /// respect to `gy` is a product with `W` (a forward's work) and the one with respect to `W` a weight gradient;
        /// the chain continues through the forward graph (input gradients). Its work is one forward plus a full
        /// backward (weights and inputs), and it finishes the network's gradients.
        case doubleBackward
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
