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

    // Data pipeline, per device: when each batch is ready, when each was consumed.
    private let batchIntervalSeconds: Double
    private var batchesReady: [[Double]]
    private var batchesConsumed: [[Double]]

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
        batchIntervalSeconds = try Self.batchInterval(plan)
        batchesReady = Array(repeating: [], count: plan.devices)
        batchesConsumed = Array(repeating: [], count: plan.devices)
        handlerID = simulator.register(self)
        runner.onFinish = { [unowned self] runner in self.bucketFinished(runner) }
    }

    /// Seconds between batches a device's pipeline delivers: its slowest stage (storage share, decode, host-to-device copy).
    static func batchInterval(_ plan: TrainingPlan) throws -> Double {
        let data = plan.data
        for (field, value) in [("data.storageBandwidth", data.storageBytesPerSecond), ("data.bytesPerSample", data.encodedBytesPerSample),
                               ("data.decodeSamplesPerSecondPerCore", data.decodeSamplesPerSecondPerCore)] where !(value > 0) || !value.isFinite {
            throw ConfigurationError(field: field, value: "\(value)", reason: "must be a positive finite number")
        }
        guard data.prefetchBatches >= 1 else {
            throw ConfigurationError(field: "data.prefetch", value: "\(data.prefetchBatches)", reason: "prefetch at least one batch")
        }
        let topology = plan.topology
        let machinesUsed = Set((0..<plan.devices).map { topology.machine(ofRank: $0) })
        let devicesPerMachine = Double(plan.devices) / Double(machinesUsed.count)
        let machine = topology.machines.isEmpty ? nil : topology.machines[topology.machine(ofRank: 0)]
        let cores = Double(data.decodeCores ?? max(1, machine?.cpuCores ?? 1))
        let storageSamplesPerSecond = data.storageBytesPerSecond / Double(machinesUsed.count) / data.encodedBytesPerSample / devicesPerMachine
        let decodeSamplesPerSecond = cores * data.decodeSamplesPerSecondPerCore / devicesPerMachine
        var copySamplesPerSecond = Double.infinity
        if let host = machine?.hostNodes.first {
            var routes = RouteTable(topology: topology)
            let route = Int(try routes.route(from: host, to: topology.devices[0]))
            let decodedBytes = Double(plan.model.sampleShape.elementCount * 4)
            copySamplesPerSecond = routes.bottleneckBytesPerSecond[route] / decodedBytes
        }
        let samplesPerSecond = min(storageSamplesPerSecond, decodeSamplesPerSecond, copySamplesPerSecond)
        return Double(plan.recipe.batchPerDevice) / samplesPerSecond
    }

    /// The iteration's steps, priced once per distinct segment list.
    private func steps(iteration: Int) -> [StepPattern] {
        let segments = plan.recipe.segments(iteration: iteration)
        if let known = patternCache[segments] { return known }
        let steps = StepPattern.steps(segments: segments, builder: builder, roofline: roofline, bucketBytes: plan.bucketBytes)
        patternCache[segments] = steps
        return steps
    }

    /// The time a device's next batch is ready, given it needs it at `need`; records the consumption.
    private func takeBatch(device: Int, need: Double) -> Double {
        let index = batchesConsumed[device].count
        let depth = plan.data.prefetchBatches
        let previousReady = index == 0 ? 0 : batchesReady[device][index - 1]
        // Production of batch `index` starts once the buffer has room: after batch index-depth was consumed.
        let room = index >= depth ? batchesConsumed[device][index - depth] : 0
        let ready = max(previousReady, room) + batchIntervalSeconds
        batchesReady[device].append(ready)
        let start = max(need, ready)
        batchesConsumed[device].append(start)
        return start
    }

    /// Runs every iteration and returns the summary.
    public func run(name: String, totalIterations: Int) throws -> TrainingResult {
        if let generatorDevices = plan.generatorDevices {
            let split = try SplitTrainingSimulation(plan: plan, generatorDevices: generatorDevices)
            let (single, buckets) = try split.run()
            records = split.records
            trace = split.trace
            return summary(name: name, totalIterations: totalIterations, singleDeviceSeconds: single, bucketsPerIteration: buckets,
                           events: split.eventCount, flows: split.flowCount)
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
                        let got = takeBatch(device: device, need: need)
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
                let history = reductionEnds[step.network]!
                var awaited = stepReductionEnd
                if case .asynchronous(let staleness) = plan.mode {
                    awaited = history.count > staleness ? history[history.count - 1 - staleness] : 0
                }
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
        return summary(name: name, totalIterations: totalIterations, singleDeviceSeconds: singleDeviceSeconds, bucketsPerIteration: bucketsPerIteration,
                       events: simulator.processedEventCount, flows: network.startedFlowCount)
    }

    private func summary(
        name: String, totalIterations: Int, singleDeviceSeconds: [Double], bucketsPerIteration: Int, events: Int, flows: Int
    ) -> TrainingResult {
        // Steady state: every iteration after the first (the first fills the pipeline).
        let steady = records.count > 1 ? Array(records.dropFirst()) : records
        let count = Double(steady.count)
        func mean(_ value: (IterationRecord) -> Double) -> Double { steady.reduce(0) { $0 + value($1) } / count }
        let iterationSeconds = mean { $0.endSeconds - $0.startSeconds }
        let single = (records.count > 1 ? Array(singleDeviceSeconds.dropFirst()) : singleDeviceSeconds).reduce(0, +) / count
        // Devices that train D on their own batch: all of them, or the D group when G and D are split.
        let batchDevices = plan.devices - (plan.generatorDevices ?? 0)
        let samplesPerIteration = Double(plan.recipe.batchPerDevice * plan.recipe.accumulation * batchDevices)
        let memory = MemoryModel(model: plan.model, recipe: plan.recipe, device: plan.device).breakdown()
        let wallSeconds = iterationSeconds * Double(totalIterations)
        let (energy, cost) = energyAndCost(
            iterationSeconds: iterationSeconds, computeSeconds: mean(\.computeSeconds), activitySeconds: mean(\.computeActivitySeconds),
            communicationSeconds: mean(\.exposedCommunicationSeconds), waitingSeconds: mean { $0.dataStallSeconds + $0.idleSeconds },
            totalIterations: totalIterations)
        var mode: String
        switch plan.mode {
        case .synchronous: mode = "synchronous"
        case .asynchronous(let staleness): mode = "asynchronous(staleness \(staleness))"
        }
        if let generatorDevices = plan.generatorDevices {
            mode += ", G on \(generatorDevices) and D on \(plan.devices - generatorDevices) devices"
        }
        return TrainingResult(
            name: name, devices: plan.devices, topology: plan.topology.name, device: plan.device.name, algorithm: plan.algorithm,
            mode: mode, iterationSeconds: iterationSeconds, samplesPerSecond: samplesPerIteration / iterationSeconds,
            breakdown: TrainingResult.Breakdown(
                computeSeconds: mean(\.computeSeconds), exposedCommunicationSeconds: mean(\.exposedCommunicationSeconds),
                dataStallSeconds: mean(\.dataStallSeconds), idleSeconds: mean(\.idleSeconds)),
            singleDeviceIterationSeconds: single,
            scalingEfficiency: single * Double(batchDevices) / (iterationSeconds * Double(plan.devices)),
            memory: TrainingResult.Memory(
                peakBytesPerDevice: memory.totalBytes, capacityBytesPerDevice: plan.device.memoryBytes,
                fits: memory.totalBytes <= plan.device.memoryBytes),
            training: TrainingResult.Training(
                iterations: totalIterations, wallSeconds: wallSeconds, simulatedIterations: records.count,
                wallHours: wallSeconds / 3600, wallDays: wallSeconds / 86400),
            energy: energy, cost: cost,
            bucketsPerIteration: bucketsPerIteration, events: events, flows: flows,
            seed: plan.seed)
    }

    /// Energy and cost of a steady-state iteration whose per-device state times (means over devices) are given, and of the run.
    func energyAndCost(
        iterationSeconds: Double, computeSeconds: Double, activitySeconds: Double, communicationSeconds: Double,
        waitingSeconds: Double, totalIterations: Int
    ) -> (TrainingResult.Energy, TrainingResult.Cost) {
        let n = Double(plan.devices)
        let power = plan.power
        let deviceJoules = n * EnergyModel.deviceJoules(
            device: plan.device, computeSeconds: computeSeconds, activitySeconds: activitySeconds,
            communicationSeconds: communicationSeconds, waitingSeconds: waitingSeconds, communicatingActivity: power.communicatingActivity)
        let (hostWatts, networkWatts) = EnergyModel.infrastructureWatts(topology: plan.topology, devices: plan.devices, device: plan.device, power: power)
        let itJoules = deviceJoules + (hostWatts + networkWatts) * iterationSeconds
        let joulesPerIteration = itJoules * power.pue
        let totalKWh = joulesPerIteration * Double(totalIterations) / 3.6e6
        let energy = TrainingResult.Energy(
            joulesPerIteration: joulesPerIteration, totalKWh: totalKWh, co2Kg: totalKWh * power.gramsCO2PerKWh / 1000,
            deviceJoulesPerIteration: deviceJoules, hostJoulesPerIteration: hostWatts * iterationSeconds,
            networkJoulesPerIteration: networkWatts * iterationSeconds, pue: power.pue, gramsCO2PerKWh: power.gramsCO2PerKWh,
            averageFacilityWatts: iterationSeconds > 0 ? joulesPerIteration / iterationSeconds : 0)
        let price = plan.price
        let hours = iterationSeconds * Double(totalIterations) / 3600
        let hardwareUSD: Double
        var basis: String
        if let perNode = price.usdPerNodeHour {
            let machines = EnergyModel.machinesUsed(topology: plan.topology, devices: plan.devices)
            hardwareUSD = perNode * Double(machines) * hours
            basis = "\(machines) servers x $\(perNode)/server-hour"
        } else {
            let perDevice = price.usdPerDeviceHour ?? (price.owned ? 0 : plan.device.usdPerHour)
            hardwareUSD = perDevice * n * hours
            basis = "\(plan.devices) devices x $\((perDevice * 1000).rounded() / 1000)/device-hour"
        }
        let energyUSD = price.owned ? totalKWh * price.usdPerKWh : 0
        if price.owned { basis += " + \(price.usdPerKWh) $/kWh (owned)" }
        let total = hardwareUSD + energyUSD
        return (energy, TrainingResult.Cost(
            totalUSD: total, usdPerIteration: totalIterations > 0 ? total / Double(totalIterations) : 0,
            hardwareUSD: hardwareUSD, energyUSD: energyUSD, basis: basis))
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
