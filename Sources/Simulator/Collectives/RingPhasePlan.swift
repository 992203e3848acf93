/// An all-reduce that is a sequence of ring phases (ring, hierarchical, torus), described without its transfers.
///
/// `CollectiveScheduleBuilder` turns these algorithms into schedules of 2(N-1)·N transfers
/// and more (about 2 M for a flat ring of 1,024 devices); the phases here are the same
/// rings, steps and transfer sizes (for one byte per device), from which
/// `RingPhaseEstimator` computes the schedule's critical path in closed form.
public struct RingPhasePlan: Sendable, Equatable {
    /// Number of participant slots.
    public var participantCount: Int
    /// Pipeline chunks per transfer.
    public var chunks: Int
    /// The phases, in order.
    public var phases: [RingPhase]

    /// The all-reduce of one byte per device as ring phases, or nil for algorithms that are not made of rings
    /// (tree, hierarchical-tree, direct, parameter-server).
    ///
    /// Checks its inputs exactly as `CollectiveScheduleBuilder.build` does and throws the same errors.
    public static func allreduce(
        algorithm: CollectiveAlgorithm, participantCount n: Int, chunks: Int, groups: [[Int]] = [], torusDimensions: [Int] = []
    ) throws -> RingPhasePlan? {
        try CollectiveScheduleBuilder.check(operation: .allreduce, algorithm: algorithm, participantCount: n, bytes: 1, chunks: chunks)
        let bytes = 1.0
        let k = Double(chunks)
        var phases: [RingPhase] = []
        switch algorithm {
        case .ring:
            phases = [RingPhase(rings: [Array(0..<n)], steps: 2 * (n - 1), bytesPerTransfer: bytes / Double(n) / k)]
        case .hierarchical:
            try CollectiveScheduleBuilder.checkGroups(groups, participantCount: n, treeAcrossGroups: false)
            let g = groups[0].count
            let m = groups.count
            let shard = bytes / Double(g)
            let across = (0..<g).map { local in groups.map { $0[local] } }
            phases = [
                RingPhase(rings: groups, steps: g - 1, bytesPerTransfer: shard / k),
                RingPhase(rings: across, steps: 2 * (m - 1), bytesPerTransfer: shard / Double(m) / k),
                RingPhase(rings: groups, steps: g - 1, bytesPerTransfer: shard / k),
            ]
        case .torus:
            try CollectiveScheduleBuilder.checkTorus(torusDimensions, participantCount: n)
            var strides = Array(repeating: 1, count: torusDimensions.count)
            for axis in stride(from: torusDimensions.count - 2, through: 0, by: -1) {
                strides[axis] = strides[axis + 1] * torusDimensions[axis + 1]
            }
            func rings(axis: Int) -> [[Int]] {
                let size = torusDimensions[axis]
                return (0..<n).filter { ($0 / strides[axis]) % size == 0 }.map { origin in (0..<size).map { origin + $0 * strides[axis] } }
            }
            var held = bytes
            for axis in torusDimensions.indices {
                phases.append(RingPhase(rings: rings(axis: axis), steps: torusDimensions[axis] - 1, bytesPerTransfer: held / Double(torusDimensions[axis]) / k))
                held /= Double(torusDimensions[axis])
            }
            for axis in torusDimensions.indices.reversed() {
                phases.append(RingPhase(rings: rings(axis: axis), steps: torusDimensions[axis] - 1, bytesPerTransfer: held / k))
                held *= Double(torusDimensions[axis])
            }
        case .tree, .hierarchicalTree, .direct, .parameterServer:
            return nil
        }
        // Rings of one member or phases of no steps move nothing (`appendRing` adds no transfer).
        phases = phases.compactMap { phase in
            var kept = phase
            kept.rings = phase.rings.filter { $0.count > 1 }
            return kept.steps > 0 && !kept.rings.isEmpty ? kept : nil
        }
        return RingPhasePlan(participantCount: n, chunks: chunks, phases: phases)
    }
}
