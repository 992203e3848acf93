/// The congestion-unaware estimate of a schedule: every transfer gets its route's full bottleneck bandwidth.
///
/// A transfer starts when its last dependency finishes and takes route latency plus
/// bytes over the route's bottleneck bandwidth; the collective takes as long as its
/// critical path. Same schedule, same routes as the event simulation, so the two agree
/// exactly when no link is shared and the event simulation is slower only when one is.
public enum AnalyticEstimator {
    /// Critical-path seconds of `schedule` with slot i on device rank `participants[i]`,
    /// every transfer's bytes multiplied by `bytesScale`.
    public static func seconds(
        schedule: CollectiveSchedule, participants: [Int], routes: inout RouteTable, bytesScale: Double = 1
    ) throws -> Double {
        let topology = routes.topology
        var pairSeconds: [Double] = []
        var pairPerByte: [Double] = []
        for pair in schedule.pairs {
            let source = topology.devices[participants[Int(pair.source)]]
            let destination = topology.devices[participants[Int(pair.destination)]]
            if source == destination {
                pairSeconds.append(0)
                pairPerByte.append(0)
            } else {
                let route = Int(try routes.route(from: source, to: destination))
                pairSeconds.append(routes.latencySeconds[route])
                pairPerByte.append(1 / routes.bottleneckBytesPerSecond[route])
            }
        }
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
