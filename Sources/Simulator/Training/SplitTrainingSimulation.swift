import CostModel

/// Simulates GAN training with G and D on separate device groups: fakes and input gradients cross between them as flows.
///
/// Ranks `0..<generatorDevices` hold G, the remaining ranks hold D. Every D device
/// trains on `batchPerDevice` reals and as many fakes; the G group generates the
/// same number of fakes in total, so each G device runs G at
/// `ceil(batchPerDevice × dDevices / gDevices)` samples. Each recipe segment runs on
/// the group owning its network, in recipe order:
///
/// - a G forward (D step or G step) ends with its fakes sent to the D group;
/// - a D forward of a D step or of the G step waits for those fakes (and, in a D step,
///   for a batch of reals from the data pipeline);
/// - the G step's D backward into the images ends with the image gradients sent back;
///   G's backward waits for them;
/// - each group all-reduces its own gradients within the group, bucket by bucket, while
///   backward runs, and its optimizer waits for them (synchronous updates).
///
/// Waiting for a transfer counts as exposed communication for as long as the transfer
/// itself was in flight, and as idle time before that (the other group was computing).
final class SplitTrainingSimulation: EventHandler, FlowObserver {
    private let plan: TrainingPlan
    private let groups: [[Int]]  // [G ranks, D ranks]
    private let simulator = EventSimulator()
    private let network: FlowNetwork
    private var runners: [CollectiveRunner?] = []
    private let builder: WorkItemBuilder
    private let roofline: RooflineModel
    private let random: RandomStream
    private var handlerID: Int32 = -1
    private var observerID: Int32 = -1
    private var priced: [RecipeSegment: PricedSegment] = [:]

    /// A segment priced once: total seconds, activity-weighted seconds, gradient bytes finished at each offset.
    private struct PricedSegment {
        var seconds = 0.0
        var activitySeconds = 0.0
        var gradients: [(offsetSeconds: Double, bytes: Double)] = []
    }

    // Point-to-point flows scheduled at a future time: (route, bytes, transfer), start time; per transfer the arrivals.
    private var flows: [(route: Int32, bytes: Double, transfer: Int, destination: Int, startSeconds: Double)] = []
    private var transferPending: [Int] = []
    private var arrivals: [[Int: Double]] = []
    private var transferStart: [[Int: Double]] = []

    // One gradient-reduction stream per group: queued (ready, bytes), head, busy flag, finished count.
    private var reductionQueue: [[(readySeconds: Double, bytes: Double)]] = [[], []]
    private var reductionHead = [0, 0]
    private var reductionBusy = [false, false]
    private var reductionEnd = [0.0, 0.0]

    // Data pipeline of the D devices (indexed by rank).
    private let batchIntervalSeconds: Double
    private var pipelines: [Int: PrefetchBuffer] = [:]

    /// Spans recorded during `run`.
    private(set) var trace: [TraceSpan] = []
    /// One record per simulated iteration.
    private(set) var records: [IterationRecord] = []
    /// Network flows started.
    var flowCount: Int { network.startedFlowCount }
    /// Events dispatched.
    var eventCount: Int { simulator.processedEventCount }

    /// Checks the group sizes and builds the two groups' collectives.
    init(plan: TrainingPlan, generatorDevices: Int) throws {
        self.plan = plan
        guard generatorDevices >= 1, generatorDevices < plan.devices else {
            throw ConfigurationError(
                field: "mode.generatorDevices", value: "\(generatorDevices)",
                reason: "G and D each need at least one device: give 1 to \(plan.devices - 1) of the \(plan.devices) devices to G")
        }
        if case .asynchronous = plan.mode {
            throw ConfigurationError(field: "mode.kind", value: "asynchronous", reason: "separate G and D groups are simulated with synchronous updates only")
        }
        groups = [Array(0..<generatorDevices), Array(generatorDevices..<plan.devices)]
        network = FlowNetwork(topology: plan.topology, simulator: simulator)
        builder = WorkItemBuilder(model: plan.model, recipe: plan.recipe)
        roofline = RooflineModel(device: plan.device)
        random = RandomStream(seed: plan.seed)
        batchIntervalSeconds = try TrainingSimulation.batchInterval(plan)
        handlerID = simulator.register(self)
        observerID = network.addObserver(self)
        for (index, members) in groups.enumerated() {
            guard members.count > 1 else { runners.append(nil); continue }
            let (ranks, subgroups) = Self.participants(topology: plan.topology, members: members, algorithm: plan.algorithm)
            let algorithm = plan.algorithm == .torus ? CollectiveAlgorithm.ring : plan.algorithm
            let schedule = try CollectiveScheduleBuilder.build(
                operation: .allreduce, algorithm: algorithm, participantCount: ranks.count, bytes: 1, chunks: plan.chunks, groups: subgroups)
            let runner = try CollectiveRunner(schedule: schedule, participants: ranks, network: network)
            runner.onFinish = { [unowned self] _ in self.reductionFinished(group: index) }
            runners.append(runner)
        }
    }

    /// The group's ranks in the topology's ring order, with per-machine slot groups for hierarchical algorithms.
    static func participants(topology: Topology, members: [Int], algorithm: CollectiveAlgorithm) -> (ranks: [Int], groups: [[Int]]) {
        let memberSet = Set(members)
        let ordered = topology.ringOrder.filter { memberSet.contains($0) }
        guard algorithm == .hierarchical || algorithm == .hierarchicalTree else { return (ordered, []) }
        var byMachine: [Int: [Int]] = [:]
        for rank in ordered { byMachine[topology.machine(ofRank: rank), default: []].append(rank) }
        var ranks: [Int] = []
        var slotGroups: [[Int]] = []
        for machine in byMachine.keys.sorted() {
            let inMachine = byMachine[machine]!
            slotGroups.append(Array(ranks.count..<(ranks.count + inMachine.count)))
            ranks.append(contentsOf: inMachine)
        }
        return (ranks, slotGroups)
    }

    /// The group (0 = G, 1 = D) that owns a network.
    private func group(_ network: NetworkRole) -> Int { network == .generator ? 0 : 1 }

    /// Samples one G device generates when every D device needs `batch` fakes.
    private func generatorBatch(_ batch: Int) -> Int {
        (batch * groups[1].count + groups[0].count - 1) / groups[0].count
    }

    /// The segment as the owning group runs it: G segments at the G group's per-device batch.
    private func placed(_ segment: RecipeSegment) -> RecipeSegment {
        guard segment.network == .generator, segment.batch > 0 else { return segment }
        var copy = segment
        copy.batch = generatorBatch(segment.batch)
        return copy
    }

    /// Whether a segment is a G forward that makes fakes for a D step or the G step.
    private static func generatesFakes(_ segment: RecipeSegment) -> Bool {
        segment.network == .generator && segment.kind == .forward && (segment.phase == .discriminator || segment.phase == .generator)
    }

    private func price(_ segment: RecipeSegment) -> PricedSegment {
        if let known = priced[segment] { return known }
        var result = PricedSegment()
        for item in builder.items(for: segment) {
            let seconds = roofline.seconds(item)
            result.seconds += seconds
            result.activitySeconds += seconds * WorkActivity.fraction(item, seconds: seconds, device: plan.device)
            if item.gradientBytes > 0 { result.gradients.append((result.seconds, Double(item.gradientBytes))) }
        }
        priced[segment] = result
        return result
    }

    /// Runs the event simulation until `done` holds.
    private func advance(until done: () -> Bool) {
        while !done() {
            guard let next = simulator.queue.nextTimeSeconds else { preconditionFailure("split simulation stalled") }
            simulator.run(untilSeconds: next)
        }
    }

    /// Sends `bytesPerDestination` from every rank of `sources` to every rank of `destinations`, spread evenly, each flow
    /// starting when its source is done (`sourceReady`); returns the transfer id.
    private func send(from sources: [Int], to destinations: [Int], bytesPerDestination: Double, sourceReady: [Int: Double]) throws -> Int {
        let transfer = transferPending.count
        transferPending.append(0)
        arrivals.append([:])
        transferStart.append([:])
        let pairs = max(sources.count, destinations.count)
        var perDestination: [Int: Int] = [:]
        for k in 0..<pairs { perDestination[destinations[k % destinations.count], default: 0] += 1 }
        for k in 0..<pairs {
            let source = sources[k % sources.count], destination = destinations[k % destinations.count]
            let start = max(sourceReady[source] ?? 0, simulator.nowSeconds)
            let route = try network.route(from: plan.topology.devices[source], to: plan.topology.devices[destination])
            flows.append((route, bytesPerDestination / Double(perDestination[destination]!), transfer, destination, start))
            transferPending[transfer] += 1
            transferStart[transfer][destination] = min(transferStart[transfer][destination] ?? .infinity, start)
            simulator.schedule(atSeconds: start, handler: handlerID, kind: 1, payload: flows.count - 1)
        }
        return transfer
    }

    /// Event: start a scheduled flow (kind 1) or wake a reduction stream (kind 2, payload = group).
    func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        if event.kind == 1 {
            let flow = flows[event.payload]
            network.startFlow(route: flow.route, bytes: flow.bytes, observer: observerID, token: event.payload)
        } else {
            reductionBusy[event.payload] = false
            pumpReduction(group: event.payload)
        }
    }

    /// A point-to-point flow arrived.
    func flowDelivered(token: Int, network: FlowNetwork) {
        let flow = flows[token]
        transferPending[flow.transfer] -= 1
        arrivals[flow.transfer][flow.destination] = max(arrivals[flow.transfer][flow.destination] ?? 0, simulator.nowSeconds)
    }

    private func pumpReduction(group: Int) {
        guard !reductionBusy[group], reductionHead[group] < reductionQueue[group].count, let runner = runners[group] else { return }
        let next = reductionQueue[group][reductionHead[group]]
        reductionBusy[group] = true
        if next.readySeconds > simulator.nowSeconds {
            simulator.schedule(atSeconds: next.readySeconds, handler: handlerID, kind: 2, payload: group)
            return
        }
        reductionHead[group] += 1
        runner.bytesScale = next.bytes
        runner.start()
    }

    private func reductionFinished(group: Int) {
        reductionEnd[group] = simulator.nowSeconds
        reductionBusy[group] = false
        pumpReduction(group: group)
    }

    /// Runs every iteration; returns the per-iteration single-device seconds (the colocated recipe on one device).
    func run() throws -> (singleDeviceSeconds: [Double], bucketsPerIteration: Int) {
        let n = plan.devices
        let sampleBytes = Double(plan.model.sampleShape.elementCount * plan.recipe.precision.precision.bytesPerElement)
        var free = Array(repeating: 0.0, count: n)
        var iterationStart = 0.0
        var singleDeviceSeconds: [Double] = []
        var bucketsPerIteration = 0
        for iteration in 0..<plan.iterations {
            let recipeOrder = plan.recipe.segments(iteration: iteration)
            // G's weights do not change during the D steps, so the G group generates every fake batch of the
            // iteration back to back, ahead of D; the rest keeps recipe order.
            let segments = recipeOrder.filter(Self.generatesFakes) + recipeOrder.filter { !Self.generatesFakes($0) }
            singleDeviceSeconds.append(segments.reduce(0) { $0 + price($1).seconds })
            var compute = Array(repeating: 0.0, count: n), activity = Array(repeating: 0.0, count: n)
            var communication = Array(repeating: 0.0, count: n), stall = Array(repeating: 0.0, count: n)
            var idle = Array(repeating: 0.0, count: n)
            var fakes: [String: Int] = [:]  // "phase step micro" -> transfer
            var imageGradients: [Int: Int] = [:]  // micro -> transfer
            var pendingBucket = [0.0, 0.0]
            var buckets = 0
            let traced = iteration < plan.traceIterations
            for original in segments {
                let segment = placed(original)
                let g = group(segment.network)
                let members = groups[g]
                let key = "\(segment.phase.rawValue) \(segment.step) \(segment.microBatch)"
                // Dependencies: fakes before a D forward of a D or G step, image gradients before G's backward.
                var awaited: Int?
                if segment.network == .discriminator, segment.kind == .forward, segment.phase == .discriminator || segment.phase == .generator {
                    awaited = fakes[key]
                } else if segment.network == .generator, segment.phase == .generator, case .backward = segment.kind {
                    awaited = imageGradients[segment.microBatch]
                }
                if let transfer = awaited {
                    advance { transferPending[transfer] == 0 }
                    for device in members {
                        let arrival = arrivals[transfer][device] ?? 0
                        guard arrival > free[device] else { continue }
                        let inFlight = arrival - max(free[device], transferStart[transfer][device] ?? arrival)
                        communication[device] += inFlight
                        idle[device] += arrival - free[device] - inFlight
                        if traced && device < plan.traceDevices {
                            trace.append(TraceSpan(name: "wait for \(segment.network == .discriminator ? "fakes" : "image gradients")", category: "wait",
                                                   startSeconds: free[device], endSeconds: arrival, pid: device, tid: 0))
                        }
                        free[device] = arrival
                    }
                }
                if segment.kind == .update {
                    // Flush the last bucket, wait for the group's reductions, then step the optimizer.
                    if pendingBucket[g] > 0 {
                        reductionQueue[g].append((members.map { free[$0] }.max() ?? 0, pendingBucket[g]))
                        pendingBucket[g] = 0
                        buckets += 1
                        pumpReduction(group: g)
                    }
                    advance { reductionHead[g] == reductionQueue[g].count && !reductionBusy[g] }
                    let awaitedEnd = runners[g] == nil ? 0 : reductionEnd[g]
                    let slowest = members.map { free[$0] }.max() ?? 0
                    for device in members where awaitedEnd > free[device] {
                        let wait = awaitedEnd - free[device]
                        let peers = min(wait, max(0, slowest - free[device]))
                        idle[device] += peers
                        communication[device] += wait - peers
                        if traced && device < plan.traceDevices {
                            trace.append(TraceSpan(name: "wait for gradients", category: "wait", startSeconds: free[device], endSeconds: awaitedEnd, pid: device, tid: 0))
                        }
                        free[device] = awaitedEnd
                    }
                }
                // Compute on every device of the group.
                let cost = price(segment)
                let needsReals = segment.phase == .discriminator && segment.network == .discriminator && segment.kind == .forward
                var ends: [Int: Double] = [:]
                var bucketReady = Array(repeating: 0.0, count: cost.gradients.count)
                for device in members {
                    let factor = plan.jitter.factor(random)
                    var start = free[device]
                    if needsReals {
                        let got = pipelines[device, default: PrefetchBuffer(intervalSeconds: batchIntervalSeconds, depth: plan.data.prefetchBatches)].take(need: start)
                        if got > start {
                            stall[device] += got - start
                            if traced && device < plan.traceDevices {
                                trace.append(TraceSpan(name: "data stall", category: "data", startSeconds: start, endSeconds: got, pid: device, tid: 0))
                            }
                            start = got
                        }
                    }
                    for (index, gradient) in cost.gradients.enumerated() {
                        bucketReady[index] = max(bucketReady[index], start + factor * gradient.offsetSeconds)
                    }
                    free[device] = start + factor * cost.seconds
                    compute[device] += factor * cost.seconds
                    activity[device] += factor * cost.activitySeconds
                    ends[device] = free[device]
                    if traced && device < plan.traceDevices && cost.seconds > 0 {
                        let what = segment.kind == .update ? "update" : segment.kind == .ema ? "ema" : segment.kind == .forward ? "forward" : "backward"
                        trace.append(TraceSpan(name: "\(segment.network == .generator ? "G" : "D") \(what) (\(segment.phase.rawValue) \(segment.step))",
                                               category: segment.kind == .update || segment.kind == .ema ? "update" : "compute",
                                               startSeconds: start, endSeconds: free[device], pid: device, tid: 0))
                    }
                }
                // Gradient buckets of this group, reduced within the group.
                for (index, gradient) in cost.gradients.enumerated() {
                    pendingBucket[g] += gradient.bytes
                    if pendingBucket[g] >= plan.bucketBytes {
                        reductionQueue[g].append((bucketReady[index], pendingBucket[g]))
                        pendingBucket[g] = 0
                        buckets += 1
                    }
                }
                pumpReduction(group: g)
                // Products that cross to the other group.
                if Self.generatesFakes(segment) {
                    fakes[key] = try send(from: groups[0], to: groups[1], bytesPerDestination: Double(original.batch) * sampleBytes, sourceReady: ends)
                } else if segment.network == .discriminator, segment.phase == .generator, case .backward(_, true) = segment.kind {
                    imageGradients[segment.microBatch] = try send(
                        from: groups[1], to: groups[0], bytesPerDestination: Double(generatorBatch(original.batch)) * sampleBytes, sourceReady: ends)
                }
            }
            simulator.run()
            let iterationEnd = free.max() ?? iterationStart
            if iteration == 0 { bucketsPerIteration = buckets }
            records.append(IterationRecord.averaging(
                iteration: iteration, startSeconds: iterationStart, endSeconds: iterationEnd, compute: compute,
                communication: communication, stall: stall, idle: idle, activity: activity))
            iterationStart = iterationEnd
            // The next iteration starts when every device is free (G waits for nothing, D for G's fakes).
        }
        return (singleDeviceSeconds, bucketsPerIteration)
    }
}
