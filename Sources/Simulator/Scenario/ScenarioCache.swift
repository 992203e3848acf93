import CostModel
import Workload

/// Models, topologies, collective timers and priced schedule blocks shared between scenarios that differ in a few fields.
///
/// A sweep composes thousands of scenarios that mostly repeat the same model, cluster or
/// recipe; each worker thread keeps one cache so that each distinct piece is built once.
/// Not thread-safe: one cache per thread; the collective timers, the costliest part, live
/// in a `CollectiveTimerStore` that the threads share.
public final class ScenarioCache {
    private var models: [ModelConfig: GANModel] = [:]
    private var topologies: [TopologySpec: Topology] = [:]
    private let timers: CollectiveTimerStore
    private var blockTables: [PatternKey: ScheduleBlockTable] = [:]
    private var memories: [MemoryKey: MemoryBreakdown] = [:]
    private var hostCopies: [TopologySpec: Double?] = [:]
    private var routeTables: [TopologySpec: SharedRouteTable] = [:]

    struct MemoryKey: Hashable {
        var model: ModelConfig, recipe: TrainingRecipe, device: DeviceProfile
    }

    struct PatternKey: Hashable {
        var model: ModelConfig, recipe: TrainingRecipe, device: DeviceProfile, bucketBytes: Double, groups: [[Int]]
        var replicas: [NetworkRole: Int]
    }

    /// A cache whose collective timers come from `timers` (shared between threads) or a private store.
    public init(timers: CollectiveTimerStore = CollectiveTimerStore()) { self.timers = timers }

    /// The model of `config`, built on first use.
    func model(_ config: ModelConfig) throws -> GANModel {
        if let known = models[config] { return known }
        let built = try config.build()
        models[config] = built
        return built
    }

    /// The topology of `spec`, built on first use.
    func topology(_ spec: TopologySpec) throws -> Topology {
        if let known = topologies[spec] { return known }
        let built = try spec.build()
        topologies[spec] = built
        return built
    }

    /// The all-reduce timer of a cluster and algorithm, built on first use.
    func timer(spec: TopologySpec, topology: Topology, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int) throws -> CollectiveTimer {
        try timers.timer(spec: spec, topology: topology, devices: devices, algorithm: algorithm, chunks: chunks)
    }

    /// Host-to-device copy bandwidth of the topology of `spec`, computed on first use.
    func hostCopyBandwidth(spec: TopologySpec, topology: Topology) throws -> Double? {
        if let known = hostCopies[spec] { return known }
        let bandwidth = try TrainingPlan.hostCopyBandwidth(topology)
        hostCopies[spec] = bandwidth
        return bandwidth
    }

    /// The routes of the topology built from `spec`, shared by every plan on it.
    func routes(_ spec: TopologySpec, topology: Topology) -> SharedRouteTable {
        if let known = routeTables[spec] { return known }
        let table = SharedRouteTable(topology: topology)
        routeTables[spec] = table
        return table
    }

    /// The memory per device of `model` trained by `recipe` on `device`, computed on first use.
    func memory(model: GANModel, recipe: TrainingRecipe, device: DeviceProfile) -> MemoryBreakdown {
        let key = MemoryKey(model: model.config, recipe: recipe, device: device)
        if let known = memories[key] { return known }
        let memory = MemoryModel(model: model, recipe: recipe, device: device).breakdown()
        memories[key] = memory
        return memory
    }

    /// The priced blocks of `plan` under `placement`, shared by every plan with the same model, recipe, device, bucket size and placement.
    func blocks(plan: TrainingPlan, placement: DevicePlacement) -> ScheduleBlockTable {
        // How many devices hold a replica matters to pricing only under a single process's data parallelism; otherwise
        // every replicated placement shares one table.
        let singleProcess = plan.device.executionImplementation(for: plan.model.config.architecture, recipe: plan.recipe)?
            .dataParallel == .singleProcess
        let replicas = singleProcess ? placement.replicas : placement.replicas.mapValues { _ in 2 }
        let key = PatternKey(model: plan.model.config, recipe: plan.recipe, device: plan.device, bucketBytes: plan.bucketBytes,
                             groups: placement.isSplit ? placement.groups : [], replicas: replicas)
        if let known = blockTables[key] { return known }
        let single = placement.isSplit || !replicas.isEmpty ? blocks(plan: plan, placement: .colocated(devices: 1)) : nil
        let table = ScheduleBlockTable(
            pricer: SegmentPricer(model: plan.model, recipe: plan.recipe, device: plan.device, replicas: replicas),
            placement: placement, bucketBytes: plan.bucketBytes, singleDevice: single)
        blockTables[key] = table
        return table
    }
}
