import InputParsing
/// Turns (operation, algorithm, size) into a `CollectiveSchedule` of point-to-point transfers.
///
/// Slots are participant positions. For `ring`, `tree`, `direct` and `parameterServer`
/// slot order is ring order; for `hierarchical` the caller supplies slot groups (one
/// per machine, equal sizes); for `torus` slots are row-major torus coordinates.
public enum CollectiveScheduleBuilder {
    /// Builds the schedule of one collective on `participantCount` slots.
    ///
    /// - Parameters:
    ///   - bytes: for all-reduce and reduce-scatter the input per device; for all-gather the output per device.
    ///   - chunks: pipeline depth: each transfer is split into this many chunks that follow each other on a link.
    ///   - groups: slot groups for `hierarchical` (every slot once, equal sizes).
    ///   - torusDimensions: dimension sizes for `torus` (their product is `participantCount`).
    public static func build(
        operation: CollectiveOperation, algorithm: CollectiveAlgorithm, participantCount: Int,
        bytes: Double, chunks: Int = 1, groups: [[Int]] = [], torusDimensions: [Int] = []
    ) throws -> CollectiveSchedule {
        try check(operation: operation, algorithm: algorithm, participantCount: participantCount, bytes: bytes, chunks: chunks)
        var schedule = CollectiveSchedule(participantCount: participantCount)
        let n = participantCount
        let none = Array(repeating: -1, count: n)
        let slots = Array(0..<n)
        switch algorithm {
        case .ring:
            let steps = operation == .allreduce ? 2 * (n - 1) : n - 1
            appendRing(&schedule, ring: slots, steps: steps, bytesPerTransfer: bytes / Double(n) / Double(chunks), chunks: chunks, ready: none)
        case .tree:
            appendDoubleBinaryTree(&schedule, members: slots, bytes: bytes, chunks: chunks, ready: none)
        case .direct:
            appendDirect(&schedule, operation: operation, participantCount: n, bytes: bytes, chunks: chunks)
        case .parameterServer:
            appendParameterServer(&schedule, participantCount: n, bytes: bytes, chunks: chunks)
        case .hierarchical, .hierarchicalTree:
            try appendHierarchical(
                &schedule, operation: operation, groups: groups, participantCount: n, bytes: bytes, chunks: chunks,
                treeAcrossGroups: algorithm == .hierarchicalTree)
        case .torus:
            try appendTorus(&schedule, operation: operation, dimensions: torusDimensions, participantCount: n, bytes: bytes, chunks: chunks)
        }
        schedule.finish()
        return schedule
    }

    /// Throws the configuration error `build` gives for a bad device count, size, chunk count or operation.
    static func check(
        operation: CollectiveOperation, algorithm: CollectiveAlgorithm, participantCount: Int, bytes: Double, chunks: Int
    ) throws {
        guard participantCount >= 1 else {
            throw ConfigurationError(field: "devices", value: "\(participantCount)", reason: "a collective needs at least one device")
        }
        guard bytes >= 0, bytes.isFinite else {
            throw ConfigurationError(field: "bytes", value: "\(bytes)", reason: "the message size must be a finite number of bytes, zero or more")
        }
        guard chunks >= 1, chunks <= 1024 else {
            throw ConfigurationError(field: "chunks", value: "\(chunks)", reason: "the pipeline takes from 1 to 1024 chunks")
        }
        if (algorithm == .tree || algorithm == .parameterServer) && operation != .allreduce {
            throw ConfigurationError(
                field: "algorithm", value: algorithm.rawValue,
                reason: "\(algorithm.rawValue) implements allreduce only; use ring, direct, hierarchical or torus for \(operation.rawValue)")
        }
    }

    /// Appends `steps` steps of a unidirectional ring over `ring` (slots; member i sends to member i+1).
    ///
    /// A member's send in step s waits for what it received in step s-1 and for its own
    /// send of step s-1; chunk k waits for chunk k-1 on the same link; the first send of
    /// member i waits for `ready[i]` (-1: nothing).
    ///
    /// - Returns: for each member, the id of the last transfer into it (or `ready[i]` when `steps` is 0).
    @discardableResult
    static func appendRing(
        _ schedule: inout CollectiveSchedule, ring: [Int], steps: Int, bytesPerTransfer: Double, chunks: Int, ready: [Int]
    ) -> [Int] {
        let n = ring.count
        guard n > 1, steps > 0 else { return ready }
        // previous[k][i]: id of member i's send of chunk k in the previous step.
        var previous = Array(repeating: Array(repeating: -1, count: n), count: chunks)
        var current = previous
        let edges = (0..<n).map { schedule.pair(from: ring[$0], to: ring[($0 + 1) % n]) }
        for step in 0..<steps {
            for k in 0..<chunks {
                for i in 0..<n {
                    let received = step == 0 ? ready[i] : previous[k][(i + n - 1) % n]
                    let ownPrevious = step == 0 ? -1 : previous[k][i]
                    let id = schedule.add(pair: edges[i], bytes: bytesPerTransfer, after: received, ownPrevious)
                    if k > 0 { schedule.addDependency(current[k - 1][i], before: id) }
                    current[k][i] = id
                }
            }
            swap(&previous, &current)
        }
        return (0..<n).map { previous[chunks - 1][($0 + n - 1) % n] }
    }

    /// All-to-all: every slot sends each other slot its `bytes / N` shard (reduce-scatter, then all-gather).
    static func appendDirect(
        _ schedule: inout CollectiveSchedule, operation: CollectiveOperation, participantCount n: Int, bytes: Double, chunks: Int
    ) {
        let piece = bytes / Double(n) / Double(chunks)
        var joins = Array(repeating: -1, count: n)
        func allToAll(after ready: [Int]) -> [[Int]] {
            var received = Array(repeating: [Int](), count: n)
            for source in 0..<n {
                for destination in 0..<n where destination != source {
                    var last = ready[source]
                    for _ in 0..<chunks {
                        last = schedule.add(from: source, to: destination, bytes: piece, after: ready[source], last == ready[source] ? -1 : last)
                    }
                    received[destination].append(last)
                }
            }
            return received
        }
        if operation != .allgather {
            let received = allToAll(after: joins)
            if operation == .allreduce {
                for slot in 0..<n { joins[slot] = schedule.join(at: slot, after: received[slot]) }
            }
        }
        if operation != .reducescatter { _ = allToAll(after: joins) }
    }

    /// Workers push their `bytes` to slot 0 chunk by chunk; slot 0 returns each summed chunk to every worker.
    static func appendParameterServer(_ schedule: inout CollectiveSchedule, participantCount n: Int, bytes: Double, chunks: Int) {
        guard n > 1 else { return }
        let piece = bytes / Double(chunks)
        var lastPush = Array(repeating: -1, count: n)
        var lastPull = Array(repeating: -1, count: n)
        for _ in 0..<chunks {
            var pushes: [Int] = []
            for worker in 1..<n {
                lastPush[worker] = schedule.add(from: worker, to: 0, bytes: piece, after: lastPush[worker])
                pushes.append(lastPush[worker])
            }
            let summed = schedule.join(at: 0, after: pushes)
            for worker in 1..<n {
                lastPull[worker] = schedule.add(from: 0, to: worker, bytes: piece, after: summed, lastPull[worker])
            }
        }
    }
}
