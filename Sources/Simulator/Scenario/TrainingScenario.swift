import Foundation
import CostModel
import Workload
import InputParsing

/// A scenario file turned into a training plan plus its name and the length of the whole run.
public struct TrainingScenario: Sendable {
    /// The keys each section of a scenario file takes ("" for the top level), as the parser checks them.
    public static var fields: [String: [String]] { ScenarioYAMLSection.known }

    /// Scenario name (for reports).
    public var name: String
    /// What to simulate.
    public var plan: TrainingPlan
    /// Iterations of the whole training run (from `training.iterations`, `epochs` or `kimg`).
    public var totalIterations: Int
    /// The cluster request the topology was built from.
    public var topologySpec: TopologySpec
    /// The host CPU that issues the kernels (`cluster.host`, else the server's); nil where the topology has no server
    /// preset and the scenario names none, and a GPU execution model keeps the host it was fitted on.
    public var hostCPU: HostCPU?
    /// The phases a progressive-growing run trains (`training.growth`, on by default for architectures that grow);
    /// nil: the final networks from the start.
    public var growth: [GrowthStep]?
    /// Peak bytes one device needs (CostModel memory model; the largest phase's when the run grows).
    public var peakBytesPerDevice: Int
    /// Whether the peak fits in the device's memory.
    public var fitsInMemory: Bool { peakBytesPerDevice <= plan.device.memoryBytes }

    /// Parses and checks a scenario; every error names field, value, line and column.
    ///
    /// - Parameters:
    ///   - profiles: device profiles, calibrated ones in place of the catalog's (`--profile`).
    ///   - directory: where a relative `cluster.profile` path is looked up (the scenario file's folder).
    public init(yaml text: String, defaultName: String, profiles: DeviceProfiles = .catalog, directory: String? = nil) throws {
        try self.init(input: ScenarioInput(yaml: text), defaultName: defaultName, profiles: profiles, directory: directory)
    }

    /// Composes a scenario from its sections as written: the official recipe and the defaults under the given fields,
    /// the device, topology and length they imply, and the checks across sections; errors name field, value and the
    /// line the field was written at (none for a field a sweep or the planner set).
    ///
    /// - Parameters:
    ///   - requireFit: reject a model that does not fit in the device's memory (naming the
    ///     largest batch that does); sweeps pass false to report such points instead.
    ///   - cache: reuses models and topologies built for earlier scenarios (sweeps).
    ///   - profiles: device profiles, calibrated ones in place of the catalog's (`--profile`).
    ///   - directory: where a relative `cluster.profile` path is looked up (the scenario file's folder).
    public init(input: ScenarioInput, defaultName: String, requireFit: Bool = true, cache: ScenarioCache? = nil,
                profiles: DeviceProfiles = .catalog, directory: String? = nil) throws {
        try input.validate()
        name = input.name ?? defaultName

        // Model.
        guard let modelSection = input.model else {
            throw ConfigurationError(field: "model", value: "", reason: "a scenario needs a model section (architecture, resolution, ...)")
        }
        let config = modelSection.config
        let architecture = config.architecture
        let model = try config.build(locatedIn: input, cache: cache)

        // Recipe: the architecture's official one, each field overridable.
        var recipe = TrainingRecipe.official(for: architecture, batchPerDevice: 32)
        if let section = input.recipe { try recipe.apply(section, model: model, in: input) }

        // Cluster.
        guard let cluster = input.cluster else {
            throw ConfigurationError(field: "cluster", value: "", reason: "a scenario needs a cluster section (topology, devices)")
        }
        let spec = try TopologySpec(section: cluster, in: input)
        let kind = spec.kind, devices = spec.devices
        let (device, host) = try Self.device(in: input, cluster: cluster, kind: kind, profiles: profiles, directory: directory)
        let topology: Topology
        do { topology = try cache?.topology(spec) ?? spec.build() } catch let error as ConfigurationError {
            throw input.locate(error, section: "cluster", key: error.field)
        }

        // Communication and mode.
        let (algorithm, alternative, bucketBytes, chunks) = Self.communication(input.communication, topology: topology, devices: devices, architecture: architecture)
        let (mode, generatorDevices) = try Self.mode(input.mode, devices: devices, in: input)

        // Data pipeline.
        var data = DataPipelineSpec.imagenetDefault
        // The defaults are per image; a video sample is `imagesPerSample` frames read and decoded as images (assumed:
        // StyleGAN-V's datasets are folders of frame images). Given values are per sample.
        data.encodedBytesPerSample *= Double(model.imagesPerSample)
        data.decodeSamplesPerSecondPerCore /= Double(model.imagesPerSample)
        if let section = input.data { data.apply(section) }

        let jitter = input.jitter.map(JitterSpec.init(section:)) ?? JitterSpec()

        // Length.
        let samplesPerIteration = recipe.batchPerDevice * recipe.accumulation * recipe.discriminatorSteps * devices
        var (total, growthKimg) = try Self.length(input.training, in: input, model: model, samplesPerIteration: samplesPerIteration)
        let simulated = input.simulate?.iterations ?? 10
        let seed = UInt64(input.seed ?? 1)

        plan = TrainingPlan(
            model: model, recipe: recipe, device: device, topology: topology, devices: devices, algorithm: algorithm,
            chunks: chunks, bucketBytes: bucketBytes, mode: mode, data: data, jitter: jitter, iterations: simulated, seed: seed,
            generatorDevices: generatorDevices, alternativeAlgorithm: alternative)
        growth = growthKimg.map { model.growth(totalKimg: $0) }
        if let growth {
            let plan = plan
            total = growth.reduce(0) { $0 + ProgressiveRun.iterations($1, plan: plan) }
        }

        // Memory must fit (every phase of a growing run, at its batch).
        let memory = MemoryModel(model: model, recipe: recipe, device: device)
        var peak = (cache?.memory(model: model, recipe: recipe, device: device) ?? memory.breakdown()).totalBytes
        if let growth {
            for step in growth {
                let phase = ProgressiveRun.plan(step, of: plan)
                let bytes = MemoryModel(model: phase.model, recipe: phase.recipe, device: device).breakdown().totalBytes
                if requireFit && bytes > device.memoryBytes {
                    throw ConfigurationError(
                        field: "cluster.devices", value: "\(devices)",
                        reason: "the \(step.phase.resolution) px \(step.phase.fadingIn ? "fade-in" : "stable") phase trains \(phase.recipe.batchPerDevice) images per device and needs \(String(format: "%.1f GiB", Double(bytes) / 1_073_741_824)) per \(device.name), which has \(String(format: "%.1f GiB", Double(device.memoryBytes) / 1_073_741_824)); use more devices or training.growth: false")
                }
                peak = max(peak, bytes)
            }
        }
        if growth == nil && requireFit && peak > device.memoryBytes {
            let gib = { (bytes: Int) in String(format: "%.1f GiB", Double(bytes) / 1_073_741_824) }
            let batch = input.sources["recipe.batchPerDevice"]
            throw ConfigurationError(
                field: "recipe.batchPerDevice", value: "\(recipe.batchPerDevice)",
                reason: "\(model.name) needs \(gib(peak)) per \(device.name) but it has \(gib(device.memoryBytes)); the largest batch that fits is \(memory.largestBatchThatFits())",
                line: batch?.line, column: batch?.column)
        }
        plan.power = input.power.map(PowerSpec.init(section:)) ?? PowerSpec()
        plan.price = input.cost.map(PriceSpec.init(section:)) ?? PriceSpec()
        plan.reliability = input.reliability.map(ReliabilitySpec.init(section:)) ?? ReliabilitySpec()
        totalIterations = total
        topologySpec = spec
        hostCPU = host
        peakBytesPerDevice = peak
    }

    /// The analytic estimate (`TrainingEstimator`), sharing collective timers and priced schedule blocks through `cache`.
    public func estimate(cache: ScenarioCache) throws -> TrainingResult {
        try SimulationWorkLimit.checkEstimate(plan)
        // Separate G and D groups reduce within each group: the estimator times those groups itself.
        let timer = plan.generatorDevices != nil ? nil : CollectiveTimer.fastest(of: try plan.algorithms.map {
            try cache.timer(spec: topologySpec, topology: plan.topology, devices: plan.devices, algorithm: $0, chunks: plan.chunks)
        })
        let hostCopy = try cache.hostCopyBandwidth(spec: topologySpec, topology: plan.topology)
        let routes = cache.routes(topologySpec, topology: plan.topology)
        guard let growth else {
            return try TrainingEstimator.estimate(
                plan: plan, name: name, totalIterations: totalIterations, timer: timer, cache: cache,
                hostCopyBytesPerSecond: hostCopy, routes: routes)
        }
        // Phases share the model's configuration, which keys the cache's priced blocks and memory: price them apart.
        return try ProgressiveRun.run(plan: plan, steps: growth, draw: false) { phasePlan, iterations in
            try TrainingEstimator.estimate(
                plan: phasePlan, name: name, totalIterations: iterations, timer: timer, hostCopyBytesPerSecond: hostCopy, routes: routes)
        }
    }

    /// The plan of every phase of a growing run, in order; the plan alone otherwise.
    public var phasePlans: [TrainingPlan] {
        growth.map { steps in steps.map { ProgressiveRun.plan($0, of: plan) } } ?? [plan]
    }

    /// The event-driven, congestion-aware simulation (`TrainingSimulation`); a growing run phase by phase.
    public func simulate() throws -> TrainingResult { try simulatePhases().result }

    /// The event-driven simulation with the `TrainingSimulation` of every phase (`phasePlans`), in order, each run once,
    /// so that a report reads a phase's records and trace from the simulation the result sums; `progress` hears
    /// `(done, total)` iterations of each phase. `simulations` holds one per phase, so at least one.
    public func simulatePhases(progress: ((Int, Int) -> Void)? = nil) throws -> (result: TrainingResult, simulations: [TrainingSimulation]) {
        var simulations: [TrainingSimulation] = []
        func simulate(_ phasePlan: TrainingPlan, iterations: Int) throws -> TrainingResult {
            let simulation = try TrainingSimulation(plan: phasePlan)
            simulations.append(simulation)
            return try simulation.run(name: name, totalIterations: iterations, progress: progress)
        }
        let result = try growth.map { try ProgressiveRun.run(plan: plan, steps: $0, draw: true, price: simulate) }
            ?? simulate(plan, iterations: totalIterations)
        return (result, simulations)
    }
}
