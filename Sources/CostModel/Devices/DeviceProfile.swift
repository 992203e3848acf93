import Workload
/// One accelerator (or CPU) as the cost model sees it: peaks, memory, efficiency,
/// overheads, power and price. Efficiency and overhead are the parameters that
/// calibration fits; everything else is published data.
public struct DeviceProfile: Sendable, Hashable, Codable {
    /// Catalog key, e.g. `a100-80gb`.
    public var name: String
    /// Human name, e.g. `NVIDIA A100-SXM4 80GB`.
    public var displayName: String
    public var kind: DeviceKind
    /// Dense matrix-unit peak FLOP/s per precision; a precision missing here is unsupported.
    public var matrixPeakFLOPS: [Precision: Double]
    /// Peak FLOP/s of the vector units (elementwise ops), fp32.
    public var vectorPeakFLOPS: Double
    /// Device memory in bytes.
    public var memoryBytes: Int
    /// Peak device-memory bandwidth in bytes per second.
    public var memoryBandwidth: Double
    /// Matrix-unit tile side: GEMM dimensions are padded up to a multiple of it (1 for none).
    public var matrixTile: Int
    /// How a GPU's streaming multiprocessors run the output tiles of matrix products (wave quantization); nil: no wave
    /// model (TPUs, CPUs, and profile files written before it existed), matrix products use the device at full width.
    public var waves: WaveModel?
    /// Fixed time per op (kernel launch and framework dispatch), in seconds.
    public var launchOverheadSeconds: Double
    /// Efficiency of matrix products against FLOPs of the op.
    public var computeEfficiency: EfficiencyCurve
    /// Efficiency of memory traffic against bytes of the op.
    public var memoryEfficiency: EfficiencyCurve
    /// Memory the runtime takes before any tensor (CUDA context, allocator), in bytes.
    public var runtimeOverheadBytes: Int
    /// Scratch memory of convolution algorithms and library workspaces, in bytes (a prior; the caching allocator's
    /// rounding and unused segment space are modelled apart, `CachingAllocator`).
    public var workspaceBytes: Int
    /// Power when idle, in watts.
    public var idleWatts: Double
    /// Power when fully busy (TDP), in watts.
    public var busyWatts: Double
    /// On-demand price per device-hour in US dollars.
    public var usdPerHour: Double
    /// Where the numbers come from.
    public var source: String
    /// Per-class parameters fitted by calibration; classes missing here use the
    /// device-wide overhead and efficiencies above.
    public var opClasses: [OpClass: OpClassParameters]?
    /// Fixed time per training iteration outside the ops (data loading, loss, framework
    /// bookkeeping), fitted from whole steps by calibration; nil counts none.
    public var iterationOverheadSeconds: Double?
    /// Host time per element of real data that an iteration feeds D (drawing or loading the
    /// batch and copying it into D's input), fitted from whole steps by calibration
    /// together with `iterationOverheadSeconds`; nil counts none (the simulator's data
    /// pipeline prices input on accelerators).
    public var inputSecondsPerElement: Double?
    /// Resident bytes a CPU trainer process adds once it runs convolutions (oneDNN's code, its
    /// generated kernels and scratchpad), fitted by calibration beside `runtimeOverheadBytes`
    /// from the runs with and without convolutions; nil counts none.
    public var convolutionRuntimeBytes: Int?
    /// fp32 lanes of a CPU profile's vector unit (`LocalCPU.lanes`): the channel block of the oneDNN layouts the CPU
    /// trainer's convolutions run on there (`ConvolutionLayout`); nil for accelerators, and for CPU profile files
    /// written before the field (`ConvolutionLayout.assumedChannelBlock` then).
    public var vectorLanes: Int?
    /// How the framework on this device keeps activations (nil: `savedTensors`).
    public var memoryPolicy: MemoryPolicy?
    /// Cores of a CPU profile (its peaks and bandwidth are for all of them); nil for accelerators.
    public var cores: Int?
    /// Bytes of a CPU's last-level cache, shared by its cores; nil: unknown (the CPU trainer's weights are then priced
    /// as staying in cache).
    public var lastLevelCacheBytes: Int?
    /// Bytes of the cache each core of a CPU keeps to itself (L2 on current CPUs; sysfs); nil: unknown.
    public var privateCacheBytes: Int?
    /// How many times as fast as just beyond it one core touches a working set its private cache holds (`CacheProbe`,
    /// measured); nil: the same (`memoryBandwidth(workingSetBytes:)`).
    public var privateCacheSpeedup: Double?
    /// How many times as long as on its share of the cores a pass split across the threads of a CPU process whose
    /// threads outnumber that share takes (`sharingMachine`; measured): OpenBLAS's products and the trainer's own
    /// loops; nil: its threads have their cores.
    public var oversubscribedSplitSlowdown: Double?
    /// The same for a convolution's passes, which oneDNN splits on its own threads (`ConvolutionLayout.runsInOneDNN`);
    /// nil: as the other split passes (`oversubscribedSplitSlowdown`).
    public var oversubscribedConvolutionSplitSlowdown: Double?
    /// How many times their price by this profile's parameters a CPU's oneDNN convolutions take on the machine as
    /// measured after the profile's calibration, over its other work's (`DistributedMachine.measuredProfile`); nil: 1.
    public var convolutionTimeScale: Double?
    /// On a CPU, per-class parameters fitted separately for each thread count (threads
    /// rarely scale linearly); `restricted(toThreads:)` uses the table of its count.
    public var opClassesByThreads: [Int: [OpClass: OpClassParameters]]?
    /// Spread of calibration residuals (standard deviation of relative op-time errors);
    /// the simulator's default jitter. Nil for uncalibrated profiles.
    public var residualSpread: Double?
    /// The threads of a CPU profile returned by `restricted(toThreads:)` (its peaks and
    /// bandwidth are then for that many cores); nil: all cores.
    public var threads: Int?
    /// The GPU execution model (host issue time per kernel, overlap, device efficiency) fitted from whole runs by
    /// `gansim calibrate --runs`; nil: the roofline alone prices the device (one launch overhead per op, no host).
    public var execution: ExecutionParameters?
    /// The errors of this profile on runs it was not fitted to (leave-one-out), which every time it prices carries as
    /// an interval; nil: not validated, the interval is unknown.
    public var validatedError: ValidatedError?

    /// Creates a profile; the calibration fields start empty.
    public init(
        name: String, displayName: String, kind: DeviceKind, matrixPeakFLOPS: [Precision: Double],
        vectorPeakFLOPS: Double, memoryBytes: Int, memoryBandwidth: Double, matrixTile: Int,
        launchOverheadSeconds: Double, computeEfficiency: EfficiencyCurve, memoryEfficiency: EfficiencyCurve,
        runtimeOverheadBytes: Int, workspaceBytes: Int, idleWatts: Double, busyWatts: Double, usdPerHour: Double,
        source: String, memoryPolicy: MemoryPolicy? = nil, cores: Int? = nil, waves: WaveModel? = nil
    ) {
        self.name = name
        self.displayName = displayName
        self.kind = kind
        self.matrixPeakFLOPS = matrixPeakFLOPS
        self.vectorPeakFLOPS = vectorPeakFLOPS
        self.memoryBytes = memoryBytes
        self.memoryBandwidth = memoryBandwidth
        self.matrixTile = matrixTile
        self.waves = waves
        self.launchOverheadSeconds = launchOverheadSeconds
        self.computeEfficiency = computeEfficiency
        self.memoryEfficiency = memoryEfficiency
        self.runtimeOverheadBytes = runtimeOverheadBytes
        self.workspaceBytes = workspaceBytes
        self.idleWatts = idleWatts
        self.busyWatts = busyWatts
        self.usdPerHour = usdPerHour
        self.source = source
        self.memoryPolicy = memoryPolicy
        self.cores = cores
    }

    /// The profile as seen by a run using `threads` threads of a CPU: peak FLOP/s and
    /// bandwidth scale with the fraction of cores used, and the per-class parameters
    /// fitted at that thread count (if any) replace the others. Accelerators are
    /// returned unchanged.
    public func restricted(toThreads threads: Int) -> DeviceProfile {
        guard let cores, cores > 0, threads > 0 else { return self }
        var p = self
        if let table = opClassesByThreads?[threads] { p.opClasses = table }
        // Scale from the cores this profile stands for, so that a restricted profile can be
        // restricted again (the CPU trainer runs small passes of a 2-thread run on one).
        let used = min(threads, cores), current = min(self.threads ?? cores, cores)
        p.threads = used < cores ? used : nil
        guard used != current else { return p }
        let f = Double(used) / Double(current)
        p.matrixPeakFLOPS = matrixPeakFLOPS.mapValues { $0 * f }
        p.vectorPeakFLOPS *= f
        p.memoryBandwidth *= f
        return p
    }

    /// The time parameters that price ops of `opClass`.
    public func parameters(for opClass: OpClass) -> OpClassParameters {
        opClasses?[opClass] ?? OpClassParameters(launchOverheadSeconds: launchOverheadSeconds,
                                                 computeEfficiency: computeEfficiency,
                                                 memoryEfficiency: memoryEfficiency)
    }

    /// Peak FLOP/s of matrix products at `precision`, or nil if unsupported.
    public func matrixPeak(_ precision: Precision) -> Double? { matrixPeakFLOPS[precision] }

    /// The profile on a server whose host CPU is `cpu`: its GPU execution model's host time rescaled
    /// (`ExecutionParameters.onHost`); a profile without one is unchanged.
    public func onHost(_ cpu: HostCPU) throws(ModelError) -> DeviceProfile {
        var p = self
        p.execution = try execution?.onHost(cpu)
        return p
    }

    /// The implementation whose launches the profile's GPU execution model counts for `architecture` under `recipe`:
    /// the recipe's choice (`TrainingRecipe.implementation`, checked by `IterationEstimator.check`) or the
    /// architecture's official one; nil when the profile has no execution model or no implementation profile applies,
    /// and the roofline alone prices it.
    public func executionImplementation(for architecture: Architecture, recipe: TrainingRecipe) -> ImplementationProfile? {
        guard execution != nil else { return nil }
        if let name = recipe.implementation { return try? ImplementationProfile.named(name) }
        return ImplementationProfile.official(for: architecture)
    }

    /// The validated errors that apply to predictions of `recipe` for `architecture`: the profile's where its GPU
    /// execution model prices the implementation it was fitted to; widened by `DeviceCatalog.transferUncertainty`
    /// where it prices another implementation; none where the roofline alone prices the model (no implementation
    /// profile) or the recipe asks a what-if the validation never saw (captured graphs).
    public func validatedError(for architecture: Architecture, recipe: TrainingRecipe) -> ValidatedError? {
        guard let execution else { return validatedError }
        guard let implementation = executionImplementation(for: architecture, recipe: recipe),
              (recipe.hostLaunches ?? implementation.hostLaunches) == .eager else { return nil }
        guard implementation.name != execution.implementation else { return validatedError }
        return validatedError?.transferred(to: "\(name) (\(implementation.name))", from: execution.implementation,
                                           uncertainty: DeviceCatalog.transferUncertainty)
    }

    /// Precisions the device runs, in canonical order.
    public var supportedPrecisions: [Precision] { Precision.allCases.filter { matrixPeakFLOPS[$0] != nil } }
}
