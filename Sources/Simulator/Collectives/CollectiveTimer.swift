import Foundation

/// Congestion-free all-reduce times of one collective setup, for any message size, memoised.
///
/// Holds the all-reduce schedule of `algorithm` over the first `devices` ranks of a
/// topology (built once, for one byte, then scaled) and prices a message of any size with
/// `AnalyticEstimator`, the same schedule and routes the event simulation uses. Sweeps
/// share one timer between every point with the same cluster and algorithm, across threads.
public final class CollectiveTimer: @unchecked Sendable {
    private let schedule: CollectiveSchedule
    private let participants: [Int]
    private let lock = NSLock()
    private var routes: RouteTable
    private var memo: [Double: Double] = [:]

    /// Builds the schedule; errors name the field (devices, algorithm) that does not fit the topology.
    public init(topology: Topology, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int) throws {
        let (ranks, groups) = try CollectiveSimulation.participants(topology: topology, devices: devices, algorithm: algorithm)
        schedule = try CollectiveScheduleBuilder.build(
            operation: .allreduce, algorithm: algorithm, participantCount: devices, bytes: 1, chunks: chunks,
            groups: groups, torusDimensions: devices == topology.devices.count ? topology.torusDimensions : [])
        participants = ranks
        routes = RouteTable(topology: topology)
    }

    /// Seconds to all-reduce `bytes` when nothing else uses the network.
    public func seconds(bytes: Double) throws -> Double {
        lock.lock()
        defer { lock.unlock() }
        if let known = memo[bytes] { return known }
        let t = try AnalyticEstimator.seconds(schedule: schedule, participants: participants, routes: &routes, bytesScale: bytes)
        memo[bytes] = t
        return t
    }
}
