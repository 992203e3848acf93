/// The congestion-unaware estimate of a schedule: every transfer gets its route's full bottleneck bandwidth.
///
/// A transfer starts when its last dependency finishes and takes route latency plus
/// bytes over the route's bottleneck bandwidth; the collective takes as long as its
/// critical path. Same schedule, same routes as the event simulation, so the two agree
/// exactly when no link is shared and the event simulation is slower only when one is.
public enum AnalyticEstimator {
    /// Route latency (seconds) and seconds per byte of each of the schedule's slot pairs, with slot i on device rank `participants[i]`.
    public static func pairCosts(
        schedule: CollectiveSchedule, participants: [Int], routes: inout RouteTable
    ) throws -> (latencySeconds: [Double], secondsPerByte: [Double]) {
        let devices = routes.topology.devices
        let ends = schedule.pairs.map { (source: devices[participants[Int($0.source)]], destination: devices[participants[Int($0.destination)]]) }
        let distinct = ends.filter { $0.source != $0.destination }
        var ids = try routes.routes(distinct)[...]
        var pairSeconds: [Double] = []
        var pairPerByte: [Double] = []
        for end in ends {
            if end.source == end.destination {
                pairSeconds.append(0)
                pairPerByte.append(0)
            } else {
                let route = Int(ids.removeFirst())
                pairSeconds.append(routes.latencySeconds[route])
                pairPerByte.append(1 / routes.bottleneckBytesPerSecond[route])
            }
        }
        return (pairSeconds, pairPerByte)
    }

    /// Critical-path seconds of `schedule` with slot i on device rank `participants[i]`,
    /// every transfer's bytes multiplied by `bytesScale`.
    public static func seconds(
        schedule: CollectiveSchedule, participants: [Int], routes: inout RouteTable, bytesScale: Double = 1
    ) throws -> Double {
        let costs = try pairCosts(schedule: schedule, participants: participants, routes: &routes)
        return seconds(schedule: schedule, pairLatencySeconds: costs.latencySeconds, pairSecondsPerByte: costs.secondsPerByte, bytesScale: bytesScale)
    }

    /// Critical-path seconds of `schedule` given each slot pair's latency and seconds per byte (`pairCosts`).
    ///
    /// - Complexity: O(transfers + dependencies).
    public static func seconds(
        schedule: CollectiveSchedule, pairLatencySeconds pairSeconds: [Double], pairSecondsPerByte pairPerByte: [Double], bytesScale: Double = 1
    ) -> Double {
        var readySeconds = Array(repeating: 0.0, count: schedule.transferCount)
        var total = 0.0
        for transfer in 0..<schedule.transferCount {
            let pair = Int(schedule.transferPair[transfer])
            let finish = readySeconds[transfer] + pairSeconds[pair] + schedule.transferBytes[transfer] * bytesScale * pairPerByte[pair]
            total = max(total, finish)
            for index in schedule.successorStart[transfer]..<schedule.successorStart[transfer + 1] {
                let next = Int(schedule.successors[Int(index)])
                readySeconds[next] = max(readySeconds[next], finish)
            }
        }
        return total
    }
}
