import CostModel
import Workload

/// Everything a training simulation needs: model, recipe, device kind, cluster, communication, data, noise, length.
public struct TrainingPlan: Sendable {
    /// The GAN being trained.
    public var model: GANModel
    /// The anatomy of one iteration on one device.
    public var recipe: TrainingRecipe
    /// The accelerator every device is.
    public var device: DeviceProfile
    /// The cluster.
    public var topology: Topology
    /// Devices taking part (the first ranks of the topology).
    public var devices: Int
    /// How gradient buckets are all-reduced (the first candidate when `alternativeAlgorithm` is set).
    public var algorithm: CollectiveAlgorithm
    /// A second all-reduce algorithm: each bucket runs whichever of `algorithm` and this one is faster, congestion-free,
    /// for its size, as NCCL's tuner picks ring or tree per call (`src/graph/tuning.cc`); nil: always `algorithm`.
    public var alternativeAlgorithm: CollectiveAlgorithm?
    /// Pipeline chunks per collective transfer.
    public var chunks: Int
    /// Gradient bucket size, in bytes (PyTorch DDP's default is 25 MB).
    public var bucketBytes: Double
    /// Synchronous or stale updates.
    public var mode: TrainingMode
    /// Devices holding G when G and D live on separate device groups (ranks `0..<generatorDevices`); nil: both on every device.
    public var generatorDevices: Int?
    /// The input pipeline.
    public var data: DataPipelineSpec
    /// Compute-time noise.
    public var jitter: JitterSpec
    /// Iterations to simulate.
    public var iterations: Int
    /// Power of hosts and network, PUE and carbon intensity.
    public var power: PowerSpec = PowerSpec()
    /// Prices.
    public var price: PriceSpec = PriceSpec()
    /// Failures, checkpoints and restarts of the whole run.
    public var reliability = ReliabilitySpec()
    /// Whether each device's own compute thread progresses its gradient reductions (MPI without a progress thread:
    /// the rank advances its messages and adds the received chunks between ops), so that reductions cannot overlap
    /// the device's compute and take that thread's time; false for GPUs, whose communication runs on its own stream.
    public var reductionsUseComputeThread = false
    /// Seed of the GSL generator.
    public var seed: UInt64
    /// Devices whose spans go into the trace (the first ranks).
    public var traceDevices: Int
    /// Iterations whose spans go into the trace (the first ones).
    public var traceIterations: Int

    /// Creates a plan; see the properties for the meaning of each argument.
    public init(
        model: GANModel, recipe: TrainingRecipe, device: DeviceProfile, topology: Topology, devices: Int,
        algorithm: CollectiveAlgorithm, chunks: Int = 1, bucketBytes: Double = 25e6, mode: TrainingMode = .synchronous,
        data: DataPipelineSpec = .imagenetDefault, jitter: JitterSpec = JitterSpec(), iterations: Int = 10, seed: UInt64 = 1,
        traceDevices: Int = 8, traceIterations: Int = 3, generatorDevices: Int? = nil, alternativeAlgorithm: CollectiveAlgorithm? = nil
    ) {
        self.generatorDevices = generatorDevices
        self.alternativeAlgorithm = alternativeAlgorithm
        self.model = model
        self.recipe = recipe
        self.device = device
        self.topology = topology
        self.devices = devices
        self.algorithm = algorithm
        self.chunks = chunks
        self.bucketBytes = bucketBytes
        self.mode = mode
        self.data = data
        self.jitter = jitter
        self.iterations = iterations
        self.seed = seed
        self.traceDevices = traceDevices
        self.traceIterations = traceIterations
    }

    /// The algorithms a bucket's all-reduce may run: `algorithm`, then `alternativeAlgorithm` if any.
    public var algorithms: [CollectiveAlgorithm] { [algorithm] + (alternativeAlgorithm.map { [$0] } ?? []) }
}
