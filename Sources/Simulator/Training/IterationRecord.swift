/// One simulated iteration (a row of `iterations.csv`); per-device quantities are averaged over devices.
public struct IterationRecord: Sendable, Codable, Equatable {
    /// 0-based iteration index.
    public var iteration: Int
    /// Simulated time the iteration started (the previous one's end), in seconds.
    public var startSeconds: Double
    /// Simulated time the last device finished it, in seconds.
    public var endSeconds: Double
    /// Compute-stream busy time, in seconds.
    public var computeSeconds: Double
    /// Exposed communication, in seconds.
    public var exposedCommunicationSeconds: Double
    /// Data stall, in seconds.
    public var dataStallSeconds: Double
    /// Idle, in seconds.
    public var idleSeconds: Double

    /// The CSV header matching `csvRow`.
    public static let csvHeader = "iteration,startSeconds,endSeconds,seconds,computeSeconds,exposedCommunicationSeconds,dataStallSeconds,idleSeconds"

    /// The record as one CSV line.
    public var csvRow: String {
        [Double(iteration), startSeconds, endSeconds, endSeconds - startSeconds, computeSeconds,
         exposedCommunicationSeconds, dataStallSeconds, idleSeconds]
            .enumerated().map { $0.offset == 0 ? String(iteration) : "\($0.element)" }.joined(separator: ",")
    }
}
