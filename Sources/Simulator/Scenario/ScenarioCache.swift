import CostModel

/// Models, topologies, collective timers and priced steps shared between scenarios that differ in a few fields.
///
/// A sweep parses thousands of scenarios that mostly repeat the same model, cluster or
/// recipe; each worker thread keeps one cache so that each distinct piece is built once.
/// Not thread-safe: one cache per thread.
public final class ScenarioCache {
    private var models: [ModelConfig: GANModel] = [:]
    private var topologies: [TopologySpec: Topology] = [:]
    private var timers: [TimerKey: CollectiveTimer] = [:]
    private var patterns: [PatternKey: [StepPattern]] = [:]

    struct TimerKey: Hashable {
        var spec: TopologySpec, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int
    }

    struct PatternKey: Hashable {
        var model: ModelConfig, recipe: TrainingRecipe, device: DeviceProfile, bucketBytes: Double, segments: [RecipeSegment]
    }

    public init() {}

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
        let key = TimerKey(spec: spec, devices: devices, algorithm: algorithm, chunks: chunks)
        if let known = timers[key] { return known }
        let built = try CollectiveTimer(topology: topology, devices: devices, algorithm: algorithm, chunks: chunks)
        timers[key] = built
        return built
    }

    /// The priced steps of one iteration's `segments` under `plan`, computed on first use.
    func steps(plan: TrainingPlan, segments: [RecipeSegment]) -> [StepPattern] {
        let key = PatternKey(model: plan.model.config, recipe: plan.recipe, device: plan.device, bucketBytes: plan.bucketBytes, segments: segments)
        if let known = patterns[key] { return known }
        let priced = StepPattern.steps(
            segments: segments, builder: WorkItemBuilder(model: plan.model, recipe: plan.recipe),
            roofline: RooflineModel(device: plan.device), bucketBytes: plan.bucketBytes)
        patterns[key] = priced
        return priced
    }
}
