import InputParsing
extension CollectiveScheduleBuilder {
    /// Two-level collective: rings inside each group (machine), rings across groups per local index.
    ///
    /// All-reduce: intra-group reduce-scatter, inter-group all-reduce of each 1/g shard,
    /// intra-group all-gather. Reduce-scatter and all-gather use the matching halves.
    static func appendHierarchical(
        _ schedule: inout CollectiveSchedule, operation: CollectiveOperation, groups: [[Int]],
        participantCount n: Int, bytes: Double, chunks: Int, treeAcrossGroups: Bool = false
    ) throws {
        try checkGroups(groups, participantCount: n, treeAcrossGroups: treeAcrossGroups)
        let g = groups[0].count
        let m = groups.count
        let k = Double(chunks)
        var last = Array(repeating: -1, count: n)
        func ringsInsideGroups(steps: Int, bytesPerTransfer: Double) {
            for group in groups {
                let received = appendRing(&schedule, ring: group, steps: steps, bytesPerTransfer: bytesPerTransfer, chunks: chunks, ready: group.map { last[$0] })
                for (slot, id) in zip(group, received) { last[slot] = id }
            }
        }
        func ringsAcrossGroups(steps: Int, bytesPerTransfer: Double) {
            for local in 0..<g {
                let ring = groups.map { $0[local] }
                let received = appendRing(&schedule, ring: ring, steps: steps, bytesPerTransfer: bytesPerTransfer, chunks: chunks, ready: ring.map { last[$0] })
                for (slot, id) in zip(ring, received) { last[slot] = id }
            }
        }
        let shard = bytes / Double(g)
        switch operation {
        case .allreduce:
            ringsInsideGroups(steps: g - 1, bytesPerTransfer: shard / k)
            if treeAcrossGroups {
                for local in 0..<g {
                    let members = groups.map { $0[local] }
                    let done = appendDoubleBinaryTree(&schedule, members: members, bytes: shard, chunks: chunks, ready: members.map { last[$0] })
                    for (slot, id) in zip(members, done) { last[slot] = id }
                }
            } else {
                ringsAcrossGroups(steps: 2 * (m - 1), bytesPerTransfer: shard / Double(m) / k)
            }
            ringsInsideGroups(steps: g - 1, bytesPerTransfer: shard / k)
        case .reducescatter:
            ringsInsideGroups(steps: g - 1, bytesPerTransfer: shard / k)
            ringsAcrossGroups(steps: m - 1, bytesPerTransfer: shard / Double(m) / k)
        case .allgather:
            ringsAcrossGroups(steps: m - 1, bytesPerTransfer: shard / Double(m) / k)
            ringsInsideGroups(steps: g - 1, bytesPerTransfer: shard / k)
        }
    }

    /// Throws unless `groups` split the `n` slots into groups of equal size, each slot once.
    static func checkGroups(_ groups: [[Int]], participantCount n: Int, treeAcrossGroups: Bool) throws {
        guard let g = groups.first?.count, g > 0, groups.allSatisfy({ $0.count == g }),
              groups.reduce(0, { $0 + $1.count }) == n, Set(groups.joined()).count == n
        else {
            throw ConfigurationError(
                field: "algorithm", value: treeAcrossGroups ? "hierarchical-tree" : "hierarchical",
                reason: "needs the devices split into machines of equal size; got groups of sizes \(groups.map(\.count))")
        }
    }

    /// Throws unless the torus `dimensions` multiply to the `n` slots.
    static func checkTorus(_ dimensions: [Int], participantCount n: Int) throws {
        guard !dimensions.isEmpty, dimensions.reduce(1, *) == n else {
            throw ConfigurationError(
                field: "algorithm", value: "torus",
                reason: "needs a torus topology whose chip count equals the device count \(n) (torus dimensions: \(dimensions))")
        }
    }

    /// Torus collective: reduce-scatter along each dimension's rings in turn, all-gather back in reverse order.
    static func appendTorus(
        _ schedule: inout CollectiveSchedule, operation: CollectiveOperation, dimensions: [Int],
        participantCount n: Int, bytes: Double, chunks: Int
    ) throws {
        try checkTorus(dimensions, participantCount: n)
        let k = Double(chunks)
        var last = Array(repeating: -1, count: n)
        var strides = Array(repeating: 1, count: dimensions.count)
        for axis in stride(from: dimensions.count - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * dimensions[axis + 1] }
        func ringsAlong(axis: Int, steps: Int, bytesPerTransfer: Double) {
            let size = dimensions[axis]
            for origin in 0..<n where (origin / strides[axis]) % size == 0 {
                let ring = (0..<size).map { origin + $0 * strides[axis] }
                let received = appendRing(&schedule, ring: ring, steps: steps, bytesPerTransfer: bytesPerTransfer, chunks: chunks, ready: ring.map { last[$0] })
                for (slot, id) in zip(ring, received) { last[slot] = id }
            }
        }
        // Bytes each device holds before each reduce-scatter phase.
        var held = operation == .allgather ? bytes / Double(n) : bytes
        if operation != .allgather {
            for axis in dimensions.indices {
                ringsAlong(axis: axis, steps: dimensions[axis] - 1, bytesPerTransfer: held / Double(dimensions[axis]) / k)
                held /= Double(dimensions[axis])
            }
        }
        if operation != .reducescatter {
            for axis in dimensions.indices.reversed() {
                ringsAlong(axis: axis, steps: dimensions[axis] - 1, bytesPerTransfer: held / k)
                held *= Double(dimensions[axis])
            }
        }
    }
}
