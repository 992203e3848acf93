/// The network side of the training schedule: gradient all-reduces within a device group, transfers between groups.
///
/// One vocabulary, two engines: `EventCommunicationEngine` runs every reduction and transfer
/// as flows on the event-driven network (contention, shared links), and
/// `AnalyticCommunicationEngine` gives each reduction the time `CollectiveTimer` computes and
/// each transfer its route's full bandwidth. They agree whenever no link is shared. A group's
/// reductions run one at a time, in the order they are queued.
protocol CommunicationEngine: AnyObject {
    /// Queues an all-reduce of `bytes` per device within group `group`, ready at `readySeconds`.
    func enqueueReduction(group: Int, readySeconds: Double, bytes: Double) throws
    /// Runs the group's queued reductions to their end; the start and end of each queued since the last call, in order.
    func finishReductions(group: Int) -> [(startSeconds: Double, endSeconds: Double)]
    /// Sends `bytesPerDestination` from the ranks `sources` to each rank of `destinations`, spread evenly over
    /// the sources, each flow starting when its source is ready (`sourceReady`); returns the transfer's id.
    func send(from sources: [Int], to destinations: [Int], bytesPerDestination: Double, sourceReady: [Int: Double]) throws -> Int
    /// Runs transfer `id` to its end: per destination rank, when its first flow started and its last arrived.
    func finish(transfer id: Int) -> (starts: [Int: Double], arrivals: [Int: Double])
    /// Copies `bytes` from rank `source` to every rank of `destinations` (contiguous ranks after it), starting at
    /// `readySeconds`; returns when the last has it.
    func copy(from source: Int, to destinations: [Int], bytes: Double, readySeconds: Double) throws -> Double
    /// Events the kernel dispatched (0 for the analytic engine).
    var eventCount: Int { get }
    /// Network flows started (0 for the analytic engine).
    var flowCount: Int { get }
}

extension CommunicationEngine {
    func copy(from source: Int, to destinations: [Int], bytes: Double, readySeconds: Double) throws -> Double {
        let transfer = try send(from: [source], to: destinations, bytesPerDestination: bytes, sourceReady: [source: readySeconds])
        return finish(transfer: transfer).arrivals.values.max() ?? readySeconds
    }

    /// The flows of a transfer from `sources` to `destinations`: pairs `k` of `max(sources, destinations)`, cycling
    /// through each list, and the share of a destination's bytes each carries.
    static func flows(from sources: [Int], to destinations: [Int], bytesPerDestination: Double)
        -> [(source: Int, destination: Int, bytes: Double)]
    {
        let pairs = max(sources.count, destinations.count)
        var perDestination: [Int: Int] = [:]
        for k in 0..<pairs { perDestination[destinations[k % destinations.count], default: 0] += 1 }
        return (0..<pairs).map { k in
            let destination = destinations[k % destinations.count]
            return (sources[k % sources.count], destination, bytesPerDestination / Double(perDestination[destination]!))
        }
    }
}
