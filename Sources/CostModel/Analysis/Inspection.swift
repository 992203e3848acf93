import Workload
/// Everything `gansim inspect` reports about a model, recipe and device.
public struct Inspection: Sendable, Codable {
    /// The memory section.
    public struct Memory: Sendable, Codable {
        /// The process total per device (the caching allocator's reserve and the runtime context).
        public var totalBytes: Int
        /// The peak of live tensors (`MemoryBreakdown.liveTensorBytes`): what `torch.cuda.max_memory_allocated` reports.
        public var liveTensorBytes: Int
        /// The caching allocator's reserve (`MemoryBreakdown.reservedBytes`): what `torch.cuda.memory_reserved` reports.
        public var reservedBytes: Int
        public var capacityBytes: Int
        public var fits: Bool
        public var breakdown: MemoryBreakdown
        /// Largest batch per device that fits (0 if none).
        public var largestBatch: Int
    }

    /// One phase of progressive growing.
    public struct Phase: Sendable, Codable {
        public var resolution: Int
        public var fadingIn: Bool
        public var kimg: Int
        /// Images per step at this resolution (the official schedule's minibatch, all on one device).
        public var batch: Int
        public var generatorParameters: Int
        public var discriminatorParameters: Int
        public var iterationFLOPs: Double
        public var stepSeconds: Double
        /// Days for the phase's images on one device.
        public var daysOnOneDevice: Double
    }

    /// Memory of a video GAN at one number of frames per video.
    public struct FramesMemory: Sendable, Codable {
        public var frames: Int
        /// The process total per device at the recipe's batch of videos.
        public var totalBytes: Int
        /// Largest batch of videos per device that fits (0 if none).
        public var largestBatch: Int
    }

    /// Frames per video `framesMemory` shows, beside the model's own.
    public static let framesShown = [2, 3, 4, 8, 16]

    public var model: String
    public var architecture: String
    public var preset: String?
    public var generator: NetworkSummary
    public var discriminator: NetworkSummary
    public var device: String
    public var precision: String
    public var recipe: TrainingRecipe
    public var iteration: IterationEstimate
    public var memory: Memory
    /// Seconds of one training iteration on one device.
    public var stepSeconds: Double
    /// The measured seconds `stepSeconds` stands for given the profile's validated errors (nil: not validated).
    public var stepSecondsInterval: [Double]?
    public var phases: [Phase]?
    /// Frames per video of a video GAN (nil for image GANs).
    public var framesPerSample: Int?
    /// How memory grows with frames per video (nil for image GANs): `framesShown` and the model's own, ascending,
    /// those within `WorkloadLimits`.
    public var framesMemory: [FramesMemory]?

    /// Builds the model, prices an iteration and the memory on `device`.
    public init(config: ModelConfig, recipe: TrainingRecipe, device: DeviceProfile) throws(ModelError) {
        let model = try config.build()
        let estimator = try IterationEstimator(model: model, recipe: recipe, device: device)
        let estimate = estimator.estimate()
        let memoryModel = MemoryModel(model: model, recipe: recipe, device: device)
        let breakdown = memoryModel.breakdown()
        self.model = model.name
        architecture = config.architecture.rawValue
        preset = model.preset?.name
        generator = NetworkSummary(model.generator)
        discriminator = NetworkSummary(model.discriminator)
        self.device = device.name
        precision = recipe.precision.precision.rawValue
        self.recipe = recipe
        iteration = estimate
        memory = Memory(totalBytes: breakdown.totalBytes, liveTensorBytes: breakdown.liveTensorBytes, reservedBytes: breakdown.reservedBytes,
                        capacityBytes: device.memoryBytes,
                        fits: breakdown.totalBytes <= device.memoryBytes, breakdown: breakdown,
                        largestBatch: memoryModel.largestBatchThatFits())
        stepSeconds = estimate.seconds
        stepSecondsInterval = device.validatedError(for: config.architecture, recipe: recipe)?.interval(seconds: estimate.seconds)
        if model.imagesPerSample > 1 {
            framesPerSample = model.imagesPerSample
            var rows: [FramesMemory] = []
            for frames in Set(Self.framesShown + [model.imagesPerSample]).sorted() {
                var c = config
                c.frames = frames
                // A row beyond gansim's size limits (a wide model at 16 frames) is left out, not an error.
                guard let video = try? c.build() else { continue }
                let memory = MemoryModel(model: video, recipe: recipe, device: device)
                rows.append(FramesMemory(frames: frames, totalBytes: memory.breakdown().totalBytes,
                                         largestBatch: memory.largestBatchThatFits()))
            }
            framesMemory = rows
        }
        if model.phases.isEmpty {
            phases = nil
        } else {
            var out: [Phase] = []
            for phase in model.phases {
                var phaseRecipe = recipe
                phaseRecipe.batchPerDevice = phase.minibatch
                phaseRecipe.accumulation = 1
                let e = try IterationEstimator(model: model.model(of: phase), recipe: phaseRecipe, device: device).estimate()
                let iterations = Double(phase.kimg * 1000) / Double(phaseRecipe.samplesPerStep)
                out.append(Phase(resolution: phase.resolution, fadingIn: phase.fadingIn, kimg: phase.kimg, batch: phase.minibatch,
                                 generatorParameters: phase.generator.parameterCount,
                                 discriminatorParameters: phase.discriminator.parameterCount,
                                 iterationFLOPs: e.flops, stepSeconds: e.seconds,
                                 daysOnOneDevice: iterations * e.seconds / 86400))
            }
            phases = out
        }
    }
}
