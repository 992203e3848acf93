import CPUExecution
import Workload

/// Identifies one op's pass within a recipe segment: timings with equal keys are
/// repetitions of the same work.
public struct OpTimingKey: Hashable, Sendable {
    public var phase: StepPhase
    public var network: NetworkRole
    public var opID: Int
    /// `forward`, or `backward` (input and weight gradients of the op together).
    public var pass: String
    /// Whether the backward computed weight gradients.
    public var weights: Bool
    /// Whether the backward carried gradients into the network input.
    public var intoInputs: Bool
    public var batch: Int
}
