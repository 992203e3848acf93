import Simulator

/// What a sweep found at one point: its status, the analytic estimate, and the event simulation where it was confirmed.
public struct SweepOutcome: Sendable, Codable, Equatable {
    /// Whether the point could be evaluated and fits in memory.
    public enum Status: String, Sendable, Codable {
        /// Evaluated; the model fits in the device's memory.
        case ok
        /// Evaluated, but one device needs more memory than it has: shown, never recommended.
        case outOfMemory = "out-of-memory"
        /// The combination of values is not a valid scenario (e.g. 12 GPUs of 8-GPU servers); `reason` says why.
        case invalid
    }

    /// Index in the sweep (row order of the CSV).
    public var index: Int
    /// The value of each axis.
    public var labels: [String]
    public var status: Status
    /// Why an invalid point is invalid.
    public var reason: String?
    /// The analytic estimate (nil when invalid).
    public var analytic: TrainingResult?
    /// The event simulation, for confirmed points.
    public var confirmed: TrainingResult?

    /// `confirmed / analytic - 1` of the iteration time, for confirmed points.
    public var disagreement: Double? {
        guard let a = analytic?.iterationSeconds, let e = confirmed?.iterationSeconds, a > 0 else { return nil }
        return e / a - 1
    }

    /// The best available result: the event simulation when confirmed, else the analytic estimate.
    public var best: TrainingResult? { confirmed ?? analytic }
}
