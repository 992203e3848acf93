/// How data-parallel workers apply reduced gradients.
public enum TrainingMode: Sendable, Equatable, Codable {
    /// Every optimizer step waits for the reduction of its own gradients.
    case synchronous
    /// ParaGAN-style bounded staleness: a step's update uses the reduction from `staleness` steps earlier
    /// of the same network, so a worker only waits when that older reduction is still running.
    case asynchronous(staleness: Int)
}
