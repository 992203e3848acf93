/// The devices that all-reduce gradients together, in slot order, with how: algorithm, per-machine slot groups, torus shape.
public struct ReductionGroup: Sendable, Hashable {
    /// Device ranks, slot i on rank `ranks[i]`.
    public var ranks: [Int]
    /// Slot groups (one per machine) for hierarchical algorithms; empty otherwise.
    public var slotGroups: [[Int]]
    public var algorithm: CollectiveAlgorithm
    /// The torus shape a torus all-reduce runs on (empty for other algorithms or a partial torus).
    public var torusDimensions: [Int]

    public init(ranks: [Int], slotGroups: [[Int]], algorithm: CollectiveAlgorithm, torusDimensions: [Int]) {
        self.ranks = ranks
        self.slotGroups = slotGroups
        self.algorithm = algorithm
        self.torusDimensions = torusDimensions
    }

    /// The first `devices` ranks of `topology` running `algorithm` (`CollectiveSimulation.participants`); the torus shape
    /// only when they are the whole torus.
    public static func firstRanks(topology: Topology, devices: Int, algorithm: CollectiveAlgorithm) throws -> ReductionGroup {
        let (ranks, groups) = try CollectiveSimulation.participants(topology: topology, devices: devices, algorithm: algorithm)
        return ReductionGroup(ranks: ranks, slotGroups: groups, algorithm: algorithm,
                              torusDimensions: devices == topology.devices.count ? topology.torusDimensions : [])
    }

    /// The ranks `members` of `topology` in its ring order (per machine for hierarchical algorithms); a torus
    /// all-reduce, which needs the whole torus, runs as a ring over a subset.
    public static func members(_ members: [Int], topology: Topology, algorithm: CollectiveAlgorithm) -> ReductionGroup {
        let memberSet = Set(members)
        let ordered = topology.ringOrder.filter { memberSet.contains($0) }
        let algorithm = algorithm == .torus ? CollectiveAlgorithm.ring : algorithm
        let (ranks, slotGroups) = slots(ordered: ordered, topology: topology, algorithm: algorithm)
        return ReductionGroup(ranks: ranks, slotGroups: slotGroups, algorithm: algorithm, torusDimensions: [])
    }

    /// Slot order and slot groups of ranks given in ring order: machine by machine, one slot group per machine, for the
    /// hierarchical algorithms; the ring order and no groups otherwise.
    static func slots(ordered: [Int], topology: Topology, algorithm: CollectiveAlgorithm) -> (ranks: [Int], groups: [[Int]]) {
        guard algorithm == .hierarchical || algorithm == .hierarchicalTree else { return (ordered, []) }
        var byMachine: [Int: [Int]] = [:]
        for rank in ordered { byMachine[topology.machine(ofRank: rank), default: []].append(rank) }
        var ranks: [Int] = []
        var groups: [[Int]] = []
        for machine in byMachine.keys.sorted() {
            let inMachine = byMachine[machine]!
            groups.append(Array(ranks.count..<(ranks.count + inMachine.count)))
            ranks.append(contentsOf: inMachine)
        }
        return (ranks, groups)
    }

    /// The all-reduce schedule of one byte per slot.
    func schedule(chunks: Int) throws -> CollectiveSchedule {
        try CollectiveScheduleBuilder.build(
            operation: .allreduce, algorithm: algorithm, participantCount: ranks.count, bytes: 1, chunks: chunks,
            groups: slotGroups, torusDimensions: torusDimensions)
    }
}
