import CostModel
import Simulator
import Workload

/// What the planner is asked: a model, how long to train it, at what global batch, by when and for how much.
public struct PlanRequest: Sendable {
    /// The GAN.
    public var model: ModelConfig
    /// Length of the run.
    public var length: TrainingLength
    /// Real samples per optimizer step over the whole cluster (devices × batch per device × accumulation).
    public var globalBatch: Int
    /// Images in the dataset, for `epochs` (nil: the scenario default, ImageNet-1k).
    public var datasetSamples: Int?
    /// Finish within this many seconds.
    public var deadlineSeconds: Double?
    /// Spend at most this many US dollars.
    public var budgetUSD: Double?
    /// The largest device count searched.
    public var maximumDevices: Int = 1024
    /// The cluster kinds searched.
    public var families: [ClusterFamily] = ClusterFamily.standard
    /// Iterations simulated per candidate.
    public var simulatedIterations: Int = 3
    /// Device profiles of the search: calibrated ones in place of the catalog's.
    public var profiles: DeviceProfiles = .catalog
    /// Failures, checkpoints and restarts every candidate is held to (deadlines and budgets apply to the expected
    /// time and cost with failures).
    public var reliability = ReliabilitySpec()

    public init(model: ModelConfig, length: TrainingLength, globalBatch: Int, datasetSamples: Int? = nil,
                deadlineSeconds: Double? = nil, budgetUSD: Double? = nil) {
        self.model = model
        self.length = length
        self.globalBatch = globalBatch
        self.datasetSamples = datasetSamples
        self.deadlineSeconds = deadlineSeconds
        self.budgetUSD = budgetUSD
    }
}
