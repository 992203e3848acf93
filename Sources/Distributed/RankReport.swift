/// What each rank sends to the others at the end of a data-parallel run.
struct RankReport: Codable, Sendable {
    var rank: Int
    /// Wall seconds of every iteration.
    var stepSeconds: [Double]
    /// The communication split of every iteration.
    var timings: [RankIterationTiming]
    /// The rank's timing file (`timings-rank<r>.jsonl`).
    var timingText: String
    var peakResidentBytes: Int
}
