/// How data-parallel workers apply reduced gradients.
public enum TrainingMode: Sendable, Equatable, Codable {
    /// Every optimizer step waits for the reduction of its own gradients.
    case synchronous
    /// ParaGAN-style bounded staleness: a step's update uses the reduction from `staleness` steps earlier
    /// of the same network, so a worker only waits when that older reduction is still running.
    case asynchronous(staleness: Int)

    /// When the reduction an optimizer step applies ends, given the end times of every
    /// step's reduction of this network so far (the current step's last): the current one
    /// when synchronous, the one `staleness` steps earlier (0 before there is one) when not.
    func awaitedReductionEnd(history: [Double]) -> Double {
        switch self {
        case .synchronous: history.last ?? 0
        case .asynchronous(let staleness): history.count > staleness ? history[history.count - 1 - staleness] : 0
        }
    }
}
