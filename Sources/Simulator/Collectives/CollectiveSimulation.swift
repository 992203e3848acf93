import InputParsing
/// Simulates one collective on its own: schedule, event run and analytic estimate on one topology.
public enum CollectiveSimulation {
    /// The device ranks (slot order) that run `algorithm` on the first `devices` ranks of `topology`.
    ///
    /// Ring-like algorithms follow the topology's ring order; `hierarchical` lists machine
    /// by machine; `torus` uses row-major ranks and needs the whole torus.
    public static func participants(
        topology: Topology, devices: Int, algorithm: CollectiveAlgorithm
    ) throws -> (ranks: [Int], groups: [[Int]]) {
        guard devices >= 1, devices <= topology.devices.count else {
            throw ConfigurationError(
                field: "devices", value: "\(devices)",
                reason: "the topology \(topology.name) has \(topology.devices.count) devices; ask for 1 to \(topology.devices.count)")
        }
        if algorithm == .torus { return (Array(0..<devices), []) }
        return ReductionGroup.slots(ordered: topology.ringOrder.filter { $0 < devices }, topology: topology, algorithm: algorithm)
    }

    /// Runs `operation` with `algorithm` on `devices` devices of `topology`.
    ///
    /// The devices are the first `devices` ranks in the algorithm's order, or exactly
    /// `explicitRanks` (distinct ranks, in slot order) when given.
    public static func run(
        operation: CollectiveOperation, algorithm: CollectiveAlgorithm, topology: Topology,
        devices: Int, bytes: Double, chunks: Int = 1, participants explicitRanks: [Int]? = nil
    ) throws -> CollectiveResult {
        try topology.validate()
        var (ranks, groups) = try participants(topology: topology, devices: devices, algorithm: algorithm)
        if let explicitRanks {
            guard explicitRanks.count == devices, Set(explicitRanks).count == devices,
                  explicitRanks.allSatisfy({ topology.devices.indices.contains($0) }), algorithm != .hierarchical, algorithm != .hierarchicalTree
            else {
                throw ConfigurationError(
                    field: "participants", value: "\(explicitRanks)",
                    reason: "must list \(devices) distinct device ranks below \(topology.devices.count) (not with hierarchical)")
            }
            ranks = explicitRanks
        }
        let torusDimensions = devices == topology.devices.count ? topology.torusDimensions : []
        try CollectiveWorkLimit.checkWalk(algorithm: algorithm, devices: devices, field: "devices")
        let estimated = CollectiveWorkLimit.estimatedTransfers(algorithm: algorithm, devices: devices, chunks: chunks)
        if estimated > CollectiveWorkLimit.maximumTransfers {
            return try closedForm(operation: operation, algorithm: algorithm, topology: topology, devices: devices, bytes: bytes,
                                  chunks: chunks, groups: groups, ranks: ranks, torusDimensions: torusDimensions, estimated: estimated)
        }
        let schedule = try CollectiveScheduleBuilder.build(
            operation: operation, algorithm: algorithm, participantCount: devices, bytes: bytes,
            chunks: chunks, groups: groups, torusDimensions: torusDimensions)
        let simulator = EventSimulator()
        let interconnect = Interconnect(topology: topology, simulator: simulator)
        let runner = try CollectiveRunner(schedule: schedule, participants: ranks, interconnect: interconnect)
        runner.start()
        simulator.run()
        precondition(runner.isFinished, "collective stalled: \(runner.completedCount) of \(schedule.transferCount) transfers")
        var routes = RouteTable(topology: topology)
        let analytic = try AnalyticEstimator.seconds(schedule: schedule, participants: ranks, routes: &routes)
        let seconds = runner.endSeconds - runner.startSeconds
        let n = Double(devices)
        let busFactor = operation == .allreduce ? 2 * (n - 1) / n : (n - 1) / n
        let algorithmBandwidth = seconds > 0 ? bytes / seconds : 0
        return CollectiveResult(
            operation: operation, algorithm: algorithm, topology: topology.name, devices: devices,
            bytes: bytes, chunks: chunks, seconds: seconds, analyticSeconds: analytic,
            algorithmBandwidthBytesPerSecond: algorithmBandwidth,
            busBandwidthBytesPerSecond: algorithmBandwidth * busFactor,
            transfers: schedule.transferCount, events: simulator.processedEventCount,
            sharedFlows: interconnect.sharedFlowCount, maxFlowsOnLink: interconnect.maxFlowsOnLink,
            rateRecomputations: interconnect.recomputationCount)
    }

    /// An all-reduce too large for the event simulation, timed in closed form (`RingPhaseEstimator`, every transfer at
    /// its route's full bandwidth); other collectives of that size are refused with the limit named.
    private static func closedForm(
        operation: CollectiveOperation, algorithm: CollectiveAlgorithm, topology: Topology, devices: Int, bytes: Double,
        chunks: Int, groups: [[Int]], ranks: [Int], torusDimensions: [Int], estimated: Double
    ) throws -> CollectiveResult {
        let limit = CollectiveWorkLimit.words(CollectiveWorkLimit.maximumTransfers)
        let size = "the event simulation of \(algorithm.rawValue) \(operation.rawValue) over \(devices) devices would move about \(CollectiveWorkLimit.words(estimated)) transfers, more than the \(limit) it runs"
        guard operation == .allreduce, let plan = try RingPhasePlan.allreduce(
            algorithm: algorithm, participantCount: devices, chunks: chunks, groups: groups, torusDimensions: torusDimensions)
        else {
            throw ConfigurationError(
                field: "devices", value: "\(devices)",
                reason: "\(size); use fewer devices or chunks (an allreduce with ring, hierarchical or torus has a closed form for any size)")
        }
        var routes = RouteTable(topology: topology)
        let seconds = try RingPhaseEstimator(plan: plan, participants: ranks, routes: &routes).seconds(bytesScale: bytes)
        let n = Double(devices)
        let algorithmBandwidth = seconds > 0 ? bytes / seconds : 0
        var result = CollectiveResult(
            operation: operation, algorithm: algorithm, topology: topology.name, devices: devices,
            bytes: bytes, chunks: chunks, seconds: seconds, analyticSeconds: seconds,
            algorithmBandwidthBytesPerSecond: algorithmBandwidth,
            busBandwidthBytesPerSecond: algorithmBandwidth * 2 * (n - 1) / n,
            transfers: 0, events: 0, sharedFlows: 0, maxFlowsOnLink: 0, rateRecomputations: 0)
        result.method = "closed form: \(size)"
        return result
    }
}
