import Workload

/// The largest value each whole-number or decimal scenario field takes, so that a size gansim cannot simulate in
/// reasonable time or memory is refused at its line with the limit named.
///
/// Fields not listed take `defaultMaximum`: large enough for any count a scenario means, small enough that the
/// products the scenario forms from them (samples per iteration, iterations of an epoch) cannot overflow.
enum ScenarioLimits {
    /// The limit of whole-number fields not listed in `integers`.
    static let defaultMaximum = 1 << 40

    /// Devices of one cluster: topologies, routes and the training schedule hold a few entries per device pair
    /// along a route, which stays within memory and seconds up to this size.
    static let maximumDevices = TopologySpec.maximumDevices

    /// Iterations the event simulation runs (`simulate.iterations`); the whole run's length is `training.*`.
    static let maximumSimulatedIterations = SimulationWorkLimit.maximumIterations

    /// Per dotted field path, the largest whole number it takes.
    static let integers: [String: Int] = [
        "model.resolution": WorkloadLimits.maximumResolution,
        "model.width": WorkloadLimits.maximumWidth,
        "model.latent": WorkloadLimits.maximumLatent,
        "model.classes": WorkloadLimits.maximumLatent,
        "recipe.batchPerDevice": WorkloadLimits.maximumBatch,
        "recipe.accumulation": WorkloadLimits.maximumRepeats,
        "recipe.discriminatorSteps": WorkloadLimits.maximumRepeats,
        "recipe.r1Interval": WorkloadLimits.maximumInterval,
        "recipe.pathLengthInterval": WorkloadLimits.maximumInterval,
        "recipe.mixedPrecisionResolutions": 64,
        "cluster.devices": maximumDevices,
        "cluster.serversPerLeaf": maximumDevices,
        "communication.chunks": 1024,
        "mode.staleness": 1000,
        "mode.generatorDevices": maximumDevices,
        "data.decodeCores": maximumDevices,
        "data.prefetch": 1 << 20,
        "simulate.iterations": maximumSimulatedIterations,
    ]

    /// Per dotted field path, the largest decimal it takes (fields not listed take any finite number).
    static let decimals: [String: Double] = [
        "training.epochs": 1e6,
        "training.kimg": 1e9,
        "cluster.oversubscription": 1e6,
        "jitter.cv": 10,
        "jitter.deviceCv": 10,
        "jitter.stragglerSlowdown": 1e6,
        "power.pue": 100,
    ]

    /// Why a value above the limit is refused, as a clause naming the limit.
    static func reason(_ field: String, limit: String) -> String {
        switch field {
        case "cluster.devices", "mode.generatorDevices", "cluster.serversPerLeaf":
            "must be at most \(limit): gansim simulates clusters of up to \(limit) devices"
        case "simulate.iterations":
            "must be at most \(limit): the event simulation keeps a record per iteration; the whole run's length is training.iterations, epochs or kimg"
        default:
            "must be at most \(limit), the largest gansim simulates"
        }
    }
}
