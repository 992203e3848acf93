/// The congestion-unaware estimate of a schedule: every transfer gets its route's full bottleneck bandwidth.
///
/// A transfer starts when its last dependency finishes and takes its route's latency plus its bytes over the route's
/// bottleneck bandwidth, both for its message size when links have message regimes; the collective takes as long as
/// its critical path. Same schedule, same routes as the event simulation, so the two agree exactly when no link is
/// shared and the event simulation is slower only when one is.
public enum AnalyticEstimator {
    /// What each of a schedule's slot pairs costs: latency (seconds) and seconds per byte, and, on a topology with
    /// message regimes, the cost by message size of each pair's route (nil for a device paired with itself).
    public struct PairCosts: Sendable {
        public var latencySeconds: [Double]
        public var secondsPerByte: [Double]
        public var messageCosts: [RouteMessageCost?]?

        /// Latency and seconds per byte of a message of `bytes` between pair `pair`.
        @inlinable
        public func cost(pair: Int, bytes: Double) -> (latencySeconds: Double, secondsPerByte: Double) {
            if let messageCosts, let cost = messageCosts[pair] { return cost.at(bytes) }
            return (latencySeconds[pair], secondsPerByte[pair])
        }
    }

    /// The costs of each of the schedule's slot pairs, with slot i on device rank `participants[i]`.
    public static func pairCosts(
        schedule: CollectiveSchedule, participants: [Int], routes: inout RouteTable
    ) throws -> PairCosts {
        let devices = routes.topology.devices
        let ends = schedule.pairs.map { (source: devices[participants[Int($0.source)]], destination: devices[participants[Int($0.destination)]]) }
        let distinct = ends.filter { $0.source != $0.destination }
        var ids = try routes.routes(distinct)[...]
        var costs = PairCosts(latencySeconds: [], secondsPerByte: [], messageCosts: routes.hasMessageRegimes ? [] : nil)
        for end in ends {
            if end.source == end.destination {
                costs.latencySeconds.append(0)
                costs.secondsPerByte.append(0)
                costs.messageCosts?.append(nil)
            } else {
                let route = Int(ids.removeFirst())
                costs.latencySeconds.append(routes.latencySeconds[route])
                costs.secondsPerByte.append(1 / routes.bottleneckBytesPerSecond[route])
                costs.messageCosts?.append(routes.messageCosts[route])
            }
        }
        return costs
    }

    /// Critical-path seconds of `schedule` with slot i on device rank `participants[i]`,
    /// every transfer's bytes multiplied by `bytesScale`.
    public static func seconds(
        schedule: CollectiveSchedule, participants: [Int], routes: inout RouteTable, bytesScale: Double = 1
    ) throws -> Double {
        seconds(schedule: schedule, costs: try pairCosts(schedule: schedule, participants: participants, routes: &routes),
                bytesScale: bytesScale)
    }

    /// Critical-path seconds of `schedule` given each slot pair's costs (`pairCosts`).
    ///
    /// - Complexity: O(transfers + dependencies).
    public static func seconds(schedule: CollectiveSchedule, costs: PairCosts, bytesScale: Double = 1) -> Double {
        var readySeconds = Array(repeating: 0.0, count: schedule.transferCount)
        var total = 0.0
        for transfer in 0..<schedule.transferCount {
            let pair = Int(schedule.transferPair[transfer])
            let bytes = schedule.transferBytes[transfer] * bytesScale
            let cost = costs.cost(pair: pair, bytes: bytes)
            let finish = readySeconds[transfer] + cost.latencySeconds + bytes * cost.secondsPerByte
            total = max(total, finish)
            for index in schedule.successorStart[transfer]..<schedule.successorStart[transfer + 1] {
                let next = Int(schedule.successors[Int(index)])
                readySeconds[next] = max(readySeconds[next], finish)
            }
        }
        return total
    }
}
