/// One line of a rank's timing file (`timings-rank<r>.jsonl`) with the rank's split of
/// an iteration into compute, communication and waiting; beside the `step` and `op`
/// lines of the single-process format.
public struct RankStepRecord: Codable, Sendable {
    public var type = "rank-step"
    public var rank: Int
    public var ranks: Int
    public var step: Int
    /// Wall seconds of the iteration on this rank.
    public var seconds: Double
    /// `seconds - communicationSeconds - waitSeconds`: forward, backward, optimizer.
    public var computeSeconds: Double
    /// See `RankIterationTiming.communicationSeconds`.
    public var communicationSeconds: Double
    /// See `RankIterationTiming.waitSeconds`.
    public var waitSeconds: Double
    /// See `RankIterationTiming.exposedReductionSeconds`.
    public var exposedReductionSeconds: [Double]
    public var buckets: Int
    public var bytesReduced: Int
    /// `ring` or `mpi`.
    public var allreduce: String
    /// Whether the step counts for the statistics (after warm-up).
    public var timed: Bool

    /// The record of `step` (1-based) from the trainer's wall time and the synchronizer's split.
    public init(rank: Int, ranks: Int, step: Int, seconds: Double, timing: RankIterationTiming,
                allreduce: AllReduceAlgorithm, timed: Bool) {
        self.rank = rank
        self.ranks = ranks
        self.step = step
        self.seconds = seconds
        computeSeconds = max(0, seconds - timing.communicationSeconds - timing.waitSeconds)
        communicationSeconds = timing.communicationSeconds
        waitSeconds = timing.waitSeconds
        exposedReductionSeconds = timing.exposedReductionSeconds
        buckets = timing.buckets
        bytesReduced = timing.bytes
        self.allreduce = allreduce.rawValue
        self.timed = timed
    }
}
