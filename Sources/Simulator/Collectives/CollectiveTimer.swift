import Foundation

/// Congestion-free all-reduce times of one collective setup, for any message size, memoised.
///
/// Prices the all-reduce of `algorithm` over the first `devices` ranks of a topology on
/// the schedule and routes the event simulation uses, every transfer at its route's full
/// bottleneck bandwidth. Ring, hierarchical and torus all-reduces are timed in closed
/// form (`RingPhaseEstimator`, no transfers built); the other algorithms build their
/// schedule once, for one byte, and walk it (`AnalyticEstimator`) per message size.
/// Sweeps share one timer between every point with the same cluster and algorithm, across threads.
/// A timer over several algorithms gives each size the fastest one's time, and says which it is (`choice`).
public final class CollectiveTimer: @unchecked Sendable {
    /// How the timer prices one message size.
    private enum Method {
        case rings(RingPhaseEstimator)
        case walk(CollectiveSchedule, AnalyticEstimator.PairCosts)
        case fastest([CollectiveTimer])
    }

    private let method: Method
    private let lock = NSLock()
    private var memo: [Double: Double] = [:]

    /// Builds the timer with its own routes; errors name the field (devices, algorithm) that does not fit the topology.
    public convenience init(topology: Topology, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int) throws {
        var routes = RouteTable(topology: topology)
        try self.init(routes: &routes, devices: devices, algorithm: algorithm, chunks: chunks)
    }

    /// Builds the timer over the topology of `routes`, adding the routes it needs to that (shareable) table.
    ///
    /// - Parameter exactWalk: build and walk the schedule even where a closed form exists (tests compare the two).
    public convenience init(routes: inout RouteTable, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int, exactWalk: Bool = false) throws {
        let group = try ReductionGroup.firstRanks(topology: routes.topology, devices: devices, algorithm: algorithm)
        try self.init(routes: &routes, group: group, chunks: chunks, exactWalk: exactWalk)
    }

    /// Builds the timer of `group`'s all-reduce over the topology of `routes`.
    public init(routes: inout RouteTable, group: ReductionGroup, chunks: Int, exactWalk: Bool = false) throws {
        if !exactWalk, let plan = try RingPhasePlan.allreduce(
            algorithm: group.algorithm, participantCount: group.ranks.count, chunks: chunks, groups: group.slotGroups,
            torusDimensions: group.torusDimensions) {
            method = .rings(try RingPhaseEstimator(plan: plan, participants: group.ranks, routes: &routes))
        } else {
            let schedule = try group.schedule(chunks: chunks)
            let costs = try AnalyticEstimator.pairCosts(schedule: schedule, participants: group.ranks, routes: &routes)
            method = .walk(schedule, costs)
        }
    }

    /// The timer of whichever of `timers` is fastest at each size (one timer per candidate algorithm, same ranks);
    /// ties go to the earlier timer. A single timer is returned as it is.
    public static func fastest(of timers: [CollectiveTimer]) -> CollectiveTimer {
        precondition(!timers.isEmpty, "a choice needs at least one algorithm")
        return timers.count == 1 ? timers[0] : CollectiveTimer(method: .fastest(timers))
    }

    private init(method: Method) { self.method = method }

    /// Index, in the timers of `fastest(of:)`, of the one fastest for `bytes`; 0 for a timer of one algorithm.
    public func choice(bytes: Double) -> Int {
        guard case .fastest(let timers) = method else { return 0 }
        let times = timers.map { $0.seconds(bytes: bytes) }
        return times.indices.min { times[$0] < times[$1] }!
    }

    /// Seconds to all-reduce `bytes` when nothing else uses the interconnect.
    public func seconds(bytes: Double) -> Double {
        lock.lock()
        defer { lock.unlock() }
        if let known = memo[bytes] { return known }
        let t: Double
        switch method {
        case .rings(let estimator):
            t = estimator.seconds(bytesScale: bytes)
        case .walk(let schedule, let costs):
            t = AnalyticEstimator.seconds(schedule: schedule, costs: costs, bytesScale: bytes)
        case .fastest(let timers):
            t = timers.map { $0.seconds(bytes: bytes) }.min()!
        }
        memo[bytes] = t
        return t
    }
}
