/// What simulating a training run reports (the `--json` output of `gansim simulate`).
public struct TrainingResult: Sendable, Codable, Equatable {
    /// Where the time of a device's steady-state iteration goes, in seconds (averaged over devices).
    public struct Breakdown: Sendable, Codable, Equatable {
        /// Running work items on the compute stream.
        public var computeSeconds: Double
        /// Waiting for gradient reductions beyond what waiting for slower peers explains.
        public var exposedCommunicationSeconds: Double
        /// Waiting for a batch of real images.
        public var dataStallSeconds: Double
        /// Waiting for slower devices (stragglers, jitter) and the iteration's end.
        public var idleSeconds: Double
    }

    /// Per-device memory from the CostModel memory model.
    public struct Memory: Sendable, Codable, Equatable {
        /// Peak bytes one device needs: the process total (the caching allocator's reserve and the runtime context).
        public var peakBytesPerDevice: Int
        /// The peak of live tensors per device, what `torch.cuda.max_memory_allocated` reports.
        public var liveTensorBytesPerDevice: Int
        /// The caching allocator's reserve per device, what `torch.cuda.memory_reserved` reports: the live tensors and
        /// the allocator's rounding and unused segment space (`MemoryBreakdown.reservedBytes`).
        public var reservedBytesPerDevice: Int
        /// The device's memory capacity, in bytes.
        public var capacityBytesPerDevice: Int
        /// Whether the peak fits in the device.
        public var fits: Bool
    }

    /// The whole training run, extrapolated from the steady-state iteration.
    public struct Training: Sendable, Codable, Equatable {
        /// Iterations of the whole run.
        public var iterations: Int
        /// Simulated wall time of the whole run, in seconds.
        public var wallSeconds: Double
        /// Iterations actually simulated.
        public var simulatedIterations: Int
        /// `wallSeconds` in hours.
        public var wallHours: Double
        /// `wallSeconds` in days.
        public var wallDays: Double
    }

    /// Facility energy of the run, integrated over the simulated timeline.
    public struct Energy: Sendable, Codable, Equatable {
        /// Facility joules of one steady-state iteration (IT energy times PUE).
        public var joulesPerIteration: Double
        /// Facility energy of the whole run, in kWh.
        public var totalKWh: Double
        /// CO2 of the whole run, in kg.
        public var co2Kg: Double
        /// Accelerator joules of one iteration (before PUE).
        public var deviceJoulesPerIteration: Double
        /// Host joules of one iteration (before PUE).
        public var hostJoulesPerIteration: Double
        /// NIC and switch joules of one iteration (before PUE).
        public var networkJoulesPerIteration: Double
        /// PUE applied.
        public var pue: Double
        /// Grid carbon intensity used, gCO2/kWh.
        public var gramsCO2PerKWh: Double
        /// Mean facility power, in watts.
        public var averageFacilityWatts: Double
    }

    /// Money for the run.
    public struct Cost: Sendable, Codable, Equatable {
        /// US dollars for the whole run.
        public var totalUSD: Double
        /// US dollars per steady-state iteration.
        public var usdPerIteration: Double
        /// Of the total, rented (or amortised) device- or node-hours.
        public var hardwareUSD: Double
        /// Of the total, electricity (owned hardware only).
        public var energyUSD: Double
        /// How it was priced, e.g. `8 devices x $3.90/device-hour`.
        public var basis: String
    }

    /// Scenario name.
    public var name: String
    /// Devices taking part.
    public var devices: Int
    /// Topology name.
    public var topology: String
    /// Device kind.
    public var device: String
    /// Collective algorithm for gradients.
    public var algorithm: CollectiveAlgorithm
    /// The algorithm a bucket runs instead when it is faster for the bucket's size (`TrainingPlan.alternativeAlgorithm`).
    public var alternativeAlgorithm: CollectiveAlgorithm? = nil
    /// The all-reduce in words: `ring`, or `hierarchical-tree or hierarchical by bucket size`.
    public var algorithmDescription: String {
        alternativeAlgorithm.map { "\(algorithm.rawValue) or \($0.rawValue) by bucket size" } ?? algorithm.rawValue
    }
    /// `synchronous` or `asynchronous(staleness)`.
    public var mode: String
    /// Mean seconds per iteration after the first, in seconds.
    public var iterationSeconds: Double
    /// The measured seconds per iteration `iterationSeconds` stands for given the device profile's validated errors
    /// (nil: the profile is not validated).
    public var iterationSecondsInterval: [Double]? = nil
    /// What that range rests on (`ValidatedError.basis`: a leave-one-out validation, or one transferred from another
    /// device or implementation); nil exactly when `iterationSecondsInterval` is.
    public var iterationSecondsBasis: String? = nil
    /// Generated samples (G-step batch over all devices) per second.
    public var samplesPerSecond: Double
    /// Where the iteration time goes.
    public var breakdown: Breakdown
    /// One device of the same kind, same per-device batch, no communication: iteration seconds.
    public var singleDeviceIterationSeconds: Double
    /// `singleDeviceIterationSeconds / iterationSeconds` (weak scaling, 1 is perfect).
    public var scalingEfficiency: Double
    /// Memory per device.
    public var memory: Memory
    /// The whole run.
    public var training: Training
    /// Energy and CO2.
    public var energy: Energy
    /// Dollars.
    public var cost: Cost
    /// The run with failures, checkpoints and restarts; nil where the result was not summarised from a plan.
    public var reliability: Reliability? = nil
    /// The phases of a progressive-growing run, in order (the whole-run figures are their sums; the steady-state
    /// iteration, breakdown and scaling are the last phase's, the memory the largest phase's); nil otherwise.
    public var phases: [GrowthPhase]? = nil
    /// Gradient buckets reduced per iteration (all steps).
    public var bucketsPerIteration: Int
    /// Events the kernel dispatched.
    public var events: Int
    /// Network flows started.
    public var flows: Int
    /// Seed used.
    public var seed: UInt64
}
