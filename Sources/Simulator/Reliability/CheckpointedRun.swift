import Foundation

/// The expected course of a run that checkpoints and restarts after failures: the closed form the analytic path
/// reports and the event path's `FailureTimeline` draws from.
///
/// The run is `usefulSeconds` of failure-free training cut into segments of `intervalSeconds` (the last one shorter),
/// each ending with a checkpoint that stalls training for `checkpointSeconds`. Failures arrive at
/// `failuresPerSecond` while the job runs (work or checkpoint), never while it is down. A failure loses the
/// segment in progress and costs `downtimeSeconds` (detection, restart, reading the checkpoint) before the segment
/// starts again. A segment of length s then takes, in expectation, `expm1(λ s) (1/λ + R)` (the number of failed
/// attempts is geometric with success probability `exp(−λ s)`, and a failed attempt lasts `1/λ − s/expm1(λ s)` on
/// average, plus R); this is Daly's model (Daly, "A higher order estimate of the optimum checkpoint interval for
/// restart dumps", Future Generation Computer Systems 22(3), 2006) without failures during restarts.
///
/// An asynchronous checkpoint protects the run only `durabilityLagSeconds` after its snapshot; a failure within that
/// window loses the segment before it as well. The closed form counts that as an extra `durabilityLagSeconds` of lost
/// work per failure (the window's share of a segment times the segment lost: exact to first order in λ times the
/// segment), and the run ends when its last checkpoint is written.
public struct CheckpointedRun: Sendable, Equatable {
    /// Training time without failures or checkpoints, in seconds.
    public var usefulSeconds: Double
    /// Failures per second of the whole job while it runs.
    public var failuresPerSecond: Double
    /// Training stall of one checkpoint, in seconds.
    public var checkpointSeconds: Double
    /// Seconds from a checkpoint's snapshot until it protects the run (0 for synchronous checkpoints).
    public var durabilityLagSeconds: Double
    /// Seconds a failure keeps the job down: detection, restart, reading the checkpoint.
    public var downtimeSeconds: Double
    /// Seconds of training between checkpoints.
    public var intervalSeconds: Double

    public init(usefulSeconds: Double, failuresPerSecond: Double, checkpointSeconds: Double, durabilityLagSeconds: Double,
                downtimeSeconds: Double, intervalSeconds: Double) {
        self.usefulSeconds = usefulSeconds
        self.failuresPerSecond = failuresPerSecond
        self.checkpointSeconds = checkpointSeconds
        self.durabilityLagSeconds = durabilityLagSeconds
        self.downtimeSeconds = downtimeSeconds
        self.intervalSeconds = intervalSeconds
    }

    /// Checkpoints over the run: one per full interval and one at the end.
    public var checkpoints: Int {
        guard intervalSeconds > 0, usefulSeconds > intervalSeconds else { return 1 }
        return Int((usefulSeconds / intervalSeconds).rounded(.up))
    }

    /// Training seconds of the last segment (the others train `intervalSeconds` each).
    public var lastSegmentSeconds: Double {
        usefulSeconds - Double(checkpoints - 1) * min(intervalSeconds, usefulSeconds)
    }

    /// Seconds segment `index` runs: its training (`intervalSeconds`, the last one's shorter) and its checkpoint.
    func segmentSeconds(_ index: Int) -> Double {
        (index == checkpoints - 1 ? lastSegmentSeconds : min(intervalSeconds, usefulSeconds)) + checkpointSeconds
    }

    /// The sum of `value` over the run's segments: the full ones are alike, the last may be shorter.
    private func sumOverSegments(_ value: (Double) -> Double) -> Double {
        Double(checkpoints - 1) * value(segmentSeconds(0)) + value(segmentSeconds(checkpoints - 1))
    }

    /// Expected failed attempts of a segment that runs `seconds` (work and its checkpoint).
    func expectedFailures(segmentSeconds seconds: Double) -> Double {
        failuresPerSecond > 0 ? expm1(failuresPerSecond * seconds) : 0
    }

    /// Expected wall seconds to get a segment of `seconds` (work and its checkpoint) done.
    func expectedSeconds(segmentSeconds seconds: Double) -> Double {
        guard failuresPerSecond > 0 else { return seconds }
        return expm1(failuresPerSecond * seconds) * (1 / failuresPerSecond + downtimeSeconds + durabilityLagSeconds)
    }

    /// Expected failures over the run.
    public var expectedFailures: Double { sumOverSegments(expectedFailures(segmentSeconds:)) }

    /// Expected wall seconds of the run, with checkpoints, failures and restarts.
    public var expectedWallSeconds: Double { sumOverSegments(expectedSeconds(segmentSeconds:)) + durabilityLagSeconds }

    /// The Young–Daly checkpoint interval for a job that fails every `meanSecondsBetweenFailures` and stalls
    /// `checkpointSeconds` per checkpoint: Daly's higher-order estimate (2006),
    /// `sqrt(2 δ M) (1 + sqrt(δ / 2M) / 3 + (δ / 2M) / 9) − δ` for δ < 2M, and M beyond; Young's `sqrt(2 δ M)` is
    /// its first term. Infinite when nothing fails.
    public static func youngDalyIntervalSeconds(checkpointSeconds delta: Double, meanSecondsBetweenFailures m: Double) -> Double {
        guard m.isFinite else { return .infinity }
        guard delta < 2 * m else { return m }
        let x = delta / (2 * m)
        return (2 * delta * m).squareRoot() * (1 + x.squareRoot() / 3 + x / 9) - delta
    }
}
