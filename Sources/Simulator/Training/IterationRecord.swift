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
    /// Compute seconds weighted by how hard each work item drives the device (0 to `computeSeconds`), for energy.
    public var computeActivitySeconds: Double
    /// Each device's exposed communication, data stall and idle time in the iteration (its time not computing), by
    /// device, in seconds: the fields above average it over the devices, while a real run reports statistics of each
    /// rank's own (its median over the steps). Not a CSV column.
    public var deviceWaitingSeconds: [Double]

    /// The steady iterations of `records`: all but the first, which fills the pipeline, where there are more.
    public static func steady(_ records: [IterationRecord]) -> [IterationRecord] {
        records.count > 1 ? Array(records.dropFirst()) : records
    }

    /// The CSV header matching `csvRow`.
    public static let csvHeader = "iteration,startSeconds,endSeconds,seconds,computeSeconds,exposedCommunicationSeconds,dataStallSeconds,idleSeconds,computeActivitySeconds"

    /// The record as one CSV line.
    public var csvRow: String {
        [Double(iteration), startSeconds, endSeconds, endSeconds - startSeconds, computeSeconds,
         exposedCommunicationSeconds, dataStallSeconds, idleSeconds, computeActivitySeconds]
            .enumerated().map { $0.offset == 0 ? String(iteration) : "\($0.element)" }.joined(separator: ",")
    }

    /// The record of an iteration from per-device state times; what the states leave of the iteration is idle time at its end.
    static func averaging(
        iteration: Int, startSeconds: Double, endSeconds: Double, compute: [Double], communication: [Double],
        stall: [Double], idle: [Double], activity: [Double]
    ) -> IterationRecord {
        let n = compute.count
        var idle = idle
        for device in 0..<n {
            let accounted = compute[device] + stall[device] + communication[device] + idle[device]
            idle[device] += max(0, endSeconds - startSeconds - accounted)
        }
        let scale = 1 / Double(max(1, n))
        let waiting = (0..<n).map { communication[$0] + stall[$0] + idle[$0] }
        return IterationRecord(
            iteration: iteration, startSeconds: startSeconds, endSeconds: endSeconds,
            computeSeconds: compute.reduce(0, +) * scale, exposedCommunicationSeconds: communication.reduce(0, +) * scale,
            dataStallSeconds: stall.reduce(0, +) * scale, idleSeconds: idle.reduce(0, +) * scale,
            computeActivitySeconds: activity.reduce(0, +) * scale, deviceWaitingSeconds: waiting)
    }
}
