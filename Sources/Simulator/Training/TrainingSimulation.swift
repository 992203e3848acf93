import CostModel

/// Simulates data-parallel GAN training: per-device compute from the CostModel, data pipeline, gradient buckets on the flow network.
///
/// Compute between synchronisation points is priced in closed form per device (the
/// recipe's work items through the roofline model, times a per-step jitter factor from
/// GSL); every gradient bucket is all-reduced on the event-driven, congestion-aware
/// network as soon as all devices have produced it and the communication stream is free,
/// overlapping the rest of backward. The optimizer waits for its step's buckets
/// (synchronous) or for the buckets of the same network `staleness` steps earlier
/// (asynchronous).
public final class TrainingSimulation: EventHandler {
    /// The plan being simulated.
    public let plan: TrainingPlan
    private let simulator = EventSimulator()
    private let network: FlowNetwork
    private let runner: CollectiveRunner
    private let random: RandomStream
    private var handlerID: Int32 = -1
    private let builder: WorkItemBuilder
    private let roofline: RooflineModel
    private var patternCache: [[RecipeSegment]: [StepPattern]] = [:]

    // Communication stream: buckets waiting (ready time, bytes) and their end times.
    private var commQueue: [(readySeconds: Double, bytes: Double, label: String)] = []
    private var commHead = 0
    private var commBusy = false
    private var commEnds: [Double] = []
    private var commStarts: [Double] = []

    // Data pipeline, per device.
    private var pipelines: [PrefetchBuffer]

    /// Chrome-trace spans recorded during `run`.
    public private(set) var trace: [TraceSpan] = []
    /// One record per simulated iteration.
    public private(set) var records: [IterationRecord] = []

    /// Validates the plan and prepares the network, the collective and the data pipeline.
    public init(plan: TrainingPlan) throws {
        self.plan = plan
        guard plan.iterations >= 1 else {
            throw ConfigurationError(field: "training.iterations", value: "\(plan.iterations)", reason: "simulate at least one iteration")
        }
        guard plan.bucketBytes > 0 else {
            throw ConfigurationError(field: "communication.bucketBytes", value: "\(plan.bucketBytes)", reason: "bucket size must be positive")
        }
        try plan.topology.validate()
        if case .asynchronous(let staleness) = plan.mode, staleness < 1 {
            throw ConfigurationError(field: "mode.staleness", value: "\(staleness)", reason: "asynchronous updates need a staleness of at least 1 step")
        }
        let (ranks, groups) = try CollectiveSimulation.participants(topology: plan.topology, devices: plan.devices, algorithm: plan.algorithm)
        let schedule = try CollectiveScheduleBuilder.build(
            operation: .allreduce, algorithm: plan.algorithm, participantCount: plan.devices, bytes: 1, chunks: plan.chunks,
            groups: groups, torusDimensions: plan.devices == plan.topology.devices.count ? plan.topology.torusDimensions : [])
        network = FlowNetwork(topology: plan.topology, simulator: simulator)
        runner = try CollectiveRunner(schedule: schedule, participants: ranks, network: network)
        random = RandomStream(seed: plan.seed)
        builder = WorkItemBuilder(model: plan.model, recipe: plan.recipe)
        roofline = RooflineModel(device: plan.device)
        pipelines = Array(repeating: PrefetchBuffer(intervalSeconds: try Self.batchInterval(plan), depth: plan.data.prefetchBatches),
                          count: plan.devices)
        handlerID = simulator.register(self)
        runner.onFinish = { [unowned self] runner in self.bucketFinished(runner) }
    }

    /// Seconds between batches a device's pipeline delivers: its slowest stage (storage share, decode, host-to-device copy).
    ///
    /// `hostCopyBytesPerSecond` is the bottleneck bandwidth from the first host to the first
    /// device, when the caller has it cached (it depends on the topology only).
    static func batchInterval(_ plan: TrainingPlan, hostCopyBytesPerSecond: Double?? = nil) throws -> Double {
        let data = plan.data
        for (field, value) in [("data.storageBandwidth", data.storageBytesPerSecond), ("data.bytesPerSample", data.encodedBytesPerSample),
                               ("data.decodeSamplesPerSecondPerCore", data.decodeSamplesPerSecondPerCore)] where !(value > 0) || !value.isFinite {
            throw ConfigurationError(field: field, value: "\(value)", reason: "must be a positive finite number")
        }
        guard data.prefetchBatches >= 1 else {
            throw ConfigurationError(field: "data.prefetch", value: "\(data.prefetchBatches)", reason: "prefetch at least one batch")
        }
        let topology = plan.topology
        let machinesUsed = topology.machinesUsed(byFirst: plan.devices)
        let devicesPerMachine = Double(plan.devices) / Double(machinesUsed.count)
        let machine = topology.machines.isEmpty ? nil : topology.machines[topology.machine(ofRank: 0)]
        let cores = Double(data.decodeCores ?? max(1, machine?.cpuCores ?? 1))
        let storageSamplesPerSecond = data.storageBytesPerSecond / Double(machinesUsed.count) / data.encodedBytesPerSample / devicesPerMachine
        let decodeSamplesPerSecond = cores * data.decodeSamplesPerSecondPerCore / devicesPerMachine
        var copySamplesPerSecond = Double.infinity
        if let copy = try hostCopyBytesPerSecond ?? hostCopyBandwidth(topology) {
            copySamplesPerSecond = copy / Double(plan.model.sampleShape.elementCount * 4)
        }
        let samplesPerSecond = min(storageSamplesPerSecond, decodeSamplesPerSecond, copySamplesPerSecond)
        return Double(plan.recipe.batchPerDevice) / samplesPerSecond
    }

    /// Bottleneck bandwidth from the first host to the first device (nil without hosts), in bytes per second.
    static func hostCopyBandwidth(_ topology: Topology) throws -> Double? {
        let machine = topology.machines.isEmpty ? nil : topology.machines[topology.machine(ofRank: 0)]
        guard let host = machine?.hostNodes.first else { return nil }
        var routes = RouteTable(topology: topology)
        let route = Int(try routes.route(from: host, to: topology.devices[0]))
        return routes.bottleneckBytesPerSecond[route]
    }

    /// The iteration's steps, priced once per distinct segment list.
    private func steps(iteration: Int) -> [StepPattern] {
        let segments = plan.recipe.segments(iteration: iteration)
        if let known = patternCache[segments] { return known }
        let steps = StepPattern.steps(segments: segments, builder: builder, roofline: roofline, bucketBytes: plan.bucketBytes)
        patternCache[segments] = steps
        return steps
    }

    /// Runs every iteration and returns the summary.
    public func run(name: String, totalIterations: Int) throws -> TrainingResult {
        if let generatorDevices = plan.generatorDevices {
            let split = try SplitTrainingSimulation(plan: plan, generatorDevices: generatorDevices)
            let (single, buckets) = try split.run()
            records = split.records
            trace = split.trace
            return TrainingResult(
                plan: plan, name: name, totalIterations: totalIterations, records: records, singleDeviceSeconds: single,
                bucketsPerIteration: buckets, events: split.eventCount, flows: split.flowCount)
        }
        let n = plan.devices
        var free = Array(repeating: 0.0, count: n)  // when each device's compute stream is free
        var reductionEnds: [NetworkRole: [Double]] = [:]  // end of the last bucket of each past step, per network
        var iterationStart = 0.0
        var singleDeviceSeconds: [Double] = []
        var bucketsPerIteration = 0
        for iteration in 0..<plan.iterations {
            let steps = steps(iteration: iteration)
            var compute = Array(repeating: 0.0, count: n)
            var stall = Array(repeating: 0.0, count: n)
            var communication = Array(repeating: 0.0, count: n)
            var idle = Array(repeating: 0.0, count: n)
            var activity = Array(repeating: 0.0, count: n)
            singleDeviceSeconds.append(steps.reduce(0) { $0 + $1.computeSeconds + $1.updateSeconds })
            if iteration == 0 { bucketsPerIteration = steps.reduce(0) { $0 + $1.bucketBytes.count } }
            let traced = iteration < plan.traceIterations
            for step in steps {
                // Each device computes up to its optimizer; buckets complete along the way.
                var computeEnd = Array(repeating: 0.0, count: n)
                var bucketReady = Array(repeating: 0.0, count: step.bucketOffsets.count)
                var factors = Array(repeating: 1.0, count: n)
                for device in 0..<n {
                    let factor = plan.jitter.factor(random)
                    factors[device] = factor
                    let start = free[device]
                    var shift = 0.0
                    for offset in step.dataOffsets {
                        let need = start + shift + factor * offset
                        let got = pipelines[device].take(need: need)
                        if got > need {
                            if traced && device < plan.traceDevices {
                                trace.append(TraceSpan(name: "data stall", category: "data", startSeconds: need, endSeconds: got, pid: device, tid: 0))
                            }
                            shift += got - need
                        }
                    }
                    stall[device] += shift
                    compute[device] += factor * (step.computeSeconds + step.updateSeconds)
                    activity[device] += factor * step.activitySeconds
                    computeEnd[device] = start + shift + factor * step.computeSeconds
                    for (bucket, offset) in step.bucketOffsets.enumerated() {
                        bucketReady[bucket] = max(bucketReady[bucket], start + shift + factor * offset)
                    }
                    if traced && device < plan.traceDevices {
                        trace.append(TraceSpan(name: "\(step.label) compute", category: "compute", startSeconds: start, endSeconds: computeEnd[device], pid: device, tid: 0))
                    }
                }
                // All-reduce the buckets on the network, in order, one at a time.
                let firstBucket = commEnds.count
                for (bucket, ready) in bucketReady.enumerated() {
                    commQueue.append((ready, step.bucketBytes[bucket], "\(step.label) bucket \(bucket)"))
                }
                pumpCommunication()
                simulator.run()
                precondition(commEnds.count == firstBucket + bucketReady.count, "a gradient reduction did not finish")
                let stepReductionEnd = bucketReady.isEmpty ? 0 : commEnds[commEnds.count - 1]
                reductionEnds[step.network, default: []].append(stepReductionEnd)
                if traced {
                    for index in firstBucket..<commEnds.count {
                        trace.append(TraceSpan(name: commQueue[index].label, category: "communication", startSeconds: commStarts[index], endSeconds: commEnds[index], pid: 0, tid: 1))
                    }
                }
                // The optimizer waits for the reduction it applies.
                let awaited = plan.mode.awaitedReductionEnd(history: reductionEnds[step.network]!)
                let slowest = computeEnd.max() ?? 0
                for device in 0..<n {
                    let updateStart = max(computeEnd[device], awaited)
                    let wait = updateStart - computeEnd[device]
                    let waitingForPeers = min(wait, max(0, slowest - computeEnd[device]))
                    idle[device] += waitingForPeers
                    communication[device] += wait - waitingForPeers
                    free[device] = updateStart + factors[device] * step.updateSeconds
                    if traced && device < plan.traceDevices {
                        if wait > 0 {
                            trace.append(TraceSpan(name: "wait for gradients", category: "wait", startSeconds: computeEnd[device], endSeconds: updateStart, pid: device, tid: 0))
                        }
                        trace.append(TraceSpan(name: "\(step.label) update", category: "update", startSeconds: updateStart, endSeconds: free[device], pid: device, tid: 0))
                    }
                }
            }
            let iterationEnd = free.max() ?? iterationStart
            records.append(IterationRecord.averaging(
                iteration: iteration, startSeconds: iterationStart, endSeconds: iterationEnd, compute: compute,
                communication: communication, stall: stall, idle: idle, activity: activity))
            iterationStart = iterationEnd
        }
        return TrainingResult(
            plan: plan, name: name, totalIterations: totalIterations, records: records, singleDeviceSeconds: singleDeviceSeconds,
            bucketsPerIteration: bucketsPerIteration, events: simulator.processedEventCount, flows: network.startedFlowCount)
    }

    // MARK: - Communication stream

    /// Starts the next queued bucket if the stream is idle: now if it is ready, else at its ready time.
    private func pumpCommunication() {
        guard !commBusy, commHead < commQueue.count else { return }
        let next = commQueue[commHead]
        if next.readySeconds > simulator.nowSeconds {
            commBusy = true
            simulator.schedule(atSeconds: next.readySeconds, handler: handlerID)
            return
        }
        commBusy = true
        commHead += 1
        commStarts.append(simulator.nowSeconds)
        runner.bytesScale = next.bytes
        runner.start()
    }

    /// Wake-up at a bucket's ready time.
    public func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        commBusy = false
        pumpCommunication()
    }

    private func bucketFinished(_ runner: CollectiveRunner) {
        commEnds.append(simulator.nowSeconds)
        commBusy = false
        pumpCommunication()
    }
}
