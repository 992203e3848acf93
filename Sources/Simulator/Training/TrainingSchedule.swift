import CostModel
import Workload

/// The GAN training schedule, written once: every device's compute, data, gradient reductions and transfers, iteration by iteration.
///
/// Each iteration's recipe segments are priced and cut into blocks (`ScheduleBlockTable`) for
/// the placement of G and D. A device group runs its blocks in order; on every device of the
/// group a block
/// 1. waits for the product it needs from the other group (fakes, image gradients): waiting
///    while the transfer is in flight is exposed communication, before that idle time;
/// 2. computes, times the device's jitter factor, taking each batch of reals from the
///    device's data pipeline (a late batch shifts the rest: a data stall);
/// 3. queues its gradient buckets on the group's reduction stream as they complete (the
///    slowest device decides when a bucket is ready);
/// 4. ends with the optimizer, which waits for the reduction it applies: the step's own
///    (synchronous) or the one `staleness` steps earlier (asynchronous). Waiting up to the
///    slowest peer's compute end is idle time, beyond it exposed communication;
/// 5. sends its product to the other group when its compute ends.
/// The network is reached through a `CommunicationEngine`: the event-driven flow network
/// (`TrainingSimulation`) or the closed-form engine (`TrainingEstimator`).
final class TrainingSchedule {
    private let plan: TrainingPlan
    private let placement: DevicePlacement
    /// Each group's devices in the plan after its first, the representative run included (replications reach them all).
    private let replicaDestinations: [[Int]]
    private let table: ScheduleBlockTable
    private let engine: any CommunicationEngine
    private let batchIntervalSeconds: Double
    /// The jitter draws (built on first use: plans without jitter draw nothing).
    private lazy var random = RandomStream(seed: plan.seed)

    /// Spans of the traced devices and iterations.
    private(set) var trace: [TraceSpan] = []
    /// One record per simulated iteration.
    private(set) var records: [IterationRecord] = []
    /// Hears `(done, total)` iterations before each iteration (progress bars).
    var progress: ((Int, Int) -> Void)?

    /// A schedule of `plan` whose blocks come from `table` and whose communication `engine` times.
    ///
    /// - Parameter representative: run one device for all (the analytic engine without jitter, G and D on every device,
    ///   where every device runs the same timeline); the records are that device's. With a persistent device spread
    ///   it runs at the slowest device's speed, which paces every synchronisation, and books the devices' mean compute
    ///   and, as waiting for peers, the rest.
    init(plan: TrainingPlan, table: ScheduleBlockTable, engine: any CommunicationEngine, batchIntervalSeconds: Double,
         representative: Bool = false) {
        self.plan = plan
        let placement = Self.placement(plan)
        self.placement = representative && !placement.isSplit ? .colocated(devices: 1) : placement
        replicaDestinations = placement.groups.map { Array($0.dropFirst()) }
        self.table = table
        self.engine = engine
        self.batchIntervalSeconds = batchIntervalSeconds
    }

    /// Where G and D live for `plan`.
    static func placement(_ plan: TrainingPlan) -> DevicePlacement {
        if let generatorDevices = plan.generatorDevices {
            return .split(devices: plan.devices, generatorDevices: generatorDevices)
        }
        return .colocated(devices: plan.devices)
    }

    /// The reduction groups of each device group of `placement`: one per algorithm a bucket may run (`plan.algorithms`).
    static func reductionGroups(_ plan: TrainingPlan, placement: DevicePlacement) throws -> [[ReductionGroup]] {
        guard placement.isSplit else {
            return [try plan.algorithms.map { try ReductionGroup.firstRanks(topology: plan.topology, devices: plan.devices, algorithm: $0) }]
        }
        return placement.groups.map { group in
            plan.algorithms.map { ReductionGroup.members(group, topology: plan.topology, algorithm: $0) }
        }
    }

    /// Runs every iteration of the plan and returns the summary.
    func run(name: String, totalIterations: Int, memory: MemoryBreakdown? = nil) throws -> TrainingResult {
        let n = placement.groups.reduce(0) { $0 + $1.count }
        var pipelines = Array(repeating: PrefetchBuffer(intervalSeconds: batchIntervalSeconds, depth: plan.data.prefetchBatches), count: n)
        var free = Array(repeating: 0.0, count: n)  // when each device's compute stream is free
        var reductionEnds: [NetworkRole: [Double]] = [:]  // end of the last bucket of each past step, per network
        var bucketLabels = Array(repeating: [String](), count: placement.groups.count)
        var iterationStart = 0.0
        var singleDeviceSeconds: [Double] = []
        var bucketsPerIteration = 0
        var computeEnd = Array(repeating: 0.0, count: n)
        var factors = Array(repeating: 1.0, count: n)
        // Each device's persistent speed; one device standing for all (fewer simulated than planned) runs at the
        // slowest's and books the mean's.
        var deviceFactors = Array(repeating: 1.0, count: n)
        var bookedDeviceFactor: Double?
        if plan.jitter.deviceCoefficientOfVariation > 0 {
            if n < plan.devices {
                let all = plan.jitter.sortedDeviceFactors(devices: plan.devices)
                deviceFactors = [all.last ?? 1]
                bookedDeviceFactor = all.reduce(0, +) / Double(all.count)
            } else {
                deviceFactors = plan.jitter.deviceFactors(devices: n, random)
            }
        }
        for iteration in 0..<plan.iterations {
            progress?(iteration, plan.iterations)
            let (blocks, single) = table.iteration(iteration)
            singleDeviceSeconds.append(single)
            if iteration == 0 { bucketsPerIteration = blocks.reduce(0) { $0 + $1.bucketBytes.count } }
            // Each group's step spread is shared out over its blocks (drawn independently).
            let stepShares = placement.groups.indices.map { group in
                JitterSpec.stepSpreadShare(blockComputeSeconds: blocks.filter { $0.group == group }
                    .map { $0.computeSeconds + $0.updateSeconds })
            }
            var compute = Array(repeating: 0.0, count: n), stall = Array(repeating: 0.0, count: n)
            var communication = Array(repeating: 0.0, count: n), idle = Array(repeating: 0.0, count: n)
            var activity = Array(repeating: 0.0, count: n)
            var transfers: [ScheduleBlock.Product: Int] = [:]
            let traced = iteration < plan.traceIterations
            func tracing(_ device: Int) -> Bool { traced && device < plan.traceDevices }
            for block in blocks {
                let members = placement.groups[block.group]
                // 1. The other group's product.
                if let product = block.awaits, let transfer = transfers[product] {
                    let (starts, arrivals) = engine.finish(transfer: transfer)
                    for device in members {
                        let arrival = arrivals[device] ?? 0
                        guard arrival > free[device] else { continue }
                        let inFlight = arrival - max(free[device], starts[device] ?? arrival)
                        communication[device] += inFlight
                        idle[device] += arrival - free[device] - inFlight
                        if tracing(device) {
                            let what = if case .fakes = product { "fakes" } else { "image gradients" }
                            trace.append(TraceSpan(name: "wait for \(what)", category: "wait", startSeconds: free[device], endSeconds: arrival, pid: device, tid: 0))
                        }
                        free[device] = arrival
                    }
                }
                // 1b. The parameters the group's first device replicates to the others (nn.DataParallel): one process
                // starts the replicas' forwards once the copy has returned, so every device of the group waits for it.
                let destinations = replicaDestinations[block.group]
                if block.replicationBytes > 0, !destinations.isEmpty {
                    let arrival = try engine.copy(from: destinations[0] - 1, to: destinations, bytes: block.replicationBytes,
                                                  readySeconds: free[members[0]])
                    for device in members {
                        guard arrival > free[device] else { continue }
                        communication[device] += arrival - free[device]
                        if tracing(device) {
                            trace.append(TraceSpan(name: "wait for replicated parameters", category: "wait", startSeconds: free[device],
                                                   endSeconds: arrival, pid: device, tid: 0))
                        }
                        free[device] = arrival
                    }
                }
                // 2. Compute up to the optimizer; buckets complete along the way.
                var bucketReady = Array(repeating: 0.0, count: block.bucketOffsets.count)
                for device in members {
                    let factor = deviceFactors[device]
                        * plan.jitter.factor(random, computeSeconds: block.computeSeconds + block.updateSeconds,
                                             stepShare: stepShares[block.group])
                    factors[device] = factor
                    let start = free[device]
                    var shift = 0.0
                    for offset in block.dataOffsets {
                        let need = start + shift + factor * offset
                        let got = pipelines[device].take(need: need)
                        if got > need {
                            if tracing(device) {
                                trace.append(TraceSpan(name: "data stall", category: "data", startSeconds: need, endSeconds: got, pid: device, tid: 0))
                            }
                            shift += got - need
                        }
                    }
                    stall[device] += shift
                    let booked = bookedDeviceFactor.map { factor / deviceFactors[device] * $0 } ?? factor
                    compute[device] += booked * (block.computeSeconds + block.updateSeconds)
                    activity[device] += booked * block.activitySeconds
                    idle[device] += (factor - booked) * (block.computeSeconds + block.updateSeconds)
                    computeEnd[device] = start + shift + factor * block.computeSeconds
                    for (bucket, offset) in block.bucketOffsets.enumerated() {
                        bucketReady[bucket] = max(bucketReady[bucket], start + shift + factor * offset)
                    }
                    if tracing(device) {
                        trace.append(TraceSpan(name: "\(block.label) compute", category: "compute", startSeconds: start, endSeconds: computeEnd[device], pid: device, tid: 0))
                    }
                }
                // 3. The buckets, on the group's reduction stream in order.
                for (bucket, ready) in bucketReady.enumerated() {
                    try engine.enqueueReduction(group: block.group, readySeconds: ready, bytes: block.bucketBytes[bucket])
                    if traced { bucketLabels[block.group].append("\(block.label) bucket \(bucket)") }
                }
                // 4. The optimizer waits for the reduction it applies.
                if block.endsWithUpdate {
                    let reductions = engine.finishReductions(group: block.group)
                    if traced {
                        for (reduction, label) in zip(reductions, bucketLabels[block.group]) {
                            trace.append(TraceSpan(name: label, category: "communication", startSeconds: reduction.startSeconds,
                                                   endSeconds: reduction.endSeconds, pid: members[0], tid: 1))
                        }
                    }
                    bucketLabels[block.group].removeAll(keepingCapacity: true)
                    reductionEnds[block.network, default: []].append(reductions.last?.endSeconds ?? 0)
                    var awaited = plan.mode.awaitedReductionEnd(history: reductionEnds[block.network]!)
                    let slowest = members.map { computeEnd[$0] }.max() ?? 0
                    if plan.reductionsUseComputeThread {
                        // Each thread advances the reductions only once it has computed: they run one after another
                        // from the slowest member's compute end (a ring step needs both its ends).
                        awaited = max(awaited, slowest + reductions.reduce(0) { $0 + $1.endSeconds - $1.startSeconds })
                    }
                    for device in members {
                        let updateStart = max(computeEnd[device], awaited)
                        let wait = updateStart - computeEnd[device]
                        let waitingForPeers = min(wait, max(0, slowest - computeEnd[device]))
                        idle[device] += waitingForPeers
                        communication[device] += wait - waitingForPeers
                        free[device] = updateStart + factors[device] * block.updateSeconds
                        if tracing(device) {
                            if wait > 0 {
                                trace.append(TraceSpan(name: "wait for gradients", category: "wait", startSeconds: computeEnd[device], endSeconds: updateStart, pid: device, tid: 0))
                            }
                            trace.append(TraceSpan(name: "\(block.label) update", category: "update", startSeconds: updateStart, endSeconds: free[device], pid: device, tid: 0))
                        }
                    }
                } else {
                    for device in members { free[device] = computeEnd[device] + factors[device] * block.updateSeconds }
                }
                // 5. The product for the other group.
                if let (product, bytes) = block.sends {
                    var ready: [Int: Double] = [:]
                    for device in members { ready[device] = free[device] }
                    transfers[product] = try engine.send(from: members, to: placement.groups[1 - block.group], bytesPerDestination: bytes, sourceReady: ready)
                }
            }
            let iterationEnd = free.max() ?? iterationStart
            records.append(IterationRecord.averaging(
                iteration: iteration, startSeconds: iterationStart, endSeconds: iterationEnd, compute: compute,
                communication: communication, stall: stall, idle: idle, activity: activity))
            iterationStart = iterationEnd
        }
        return try TrainingResult(
            plan: plan, name: name, totalIterations: totalIterations, records: records, singleDeviceSeconds: singleDeviceSeconds,
            bucketsPerIteration: bucketsPerIteration, events: engine.eventCount, flows: engine.flowCount,
            memory: memory).expectingFailures(plan: plan)
    }
}
