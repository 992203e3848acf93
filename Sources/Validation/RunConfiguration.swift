import CostModel
import Workload

/// One real training run of a calibration or validation plan.
public struct RunConfiguration: Sendable, Hashable, Codable {
    public var architecture: Architecture
    public var resolution: Int?
    public var width: Int?
    public var batch: Int
    public var threads: Int
    public var discriminatorSteps: Int?
    public var accumulation: Int?
    /// Latent width passed to the trainer (nil: the trainer's default). Plans give it
    /// wherever the trainer's default differs from the architecture's (mlp-gan trains with
    /// z of 4, the architecture's default is Metz et al.'s 256), so that what is predicted
    /// is the model that runs; `MeasuredRun.checkModel` catches a mismatch.
    public var latentDim: Int?
    /// Iterations run (the first few are warm-up, excluded from the median).
    public var steps: Int

    public init(_ architecture: Architecture, resolution: Int? = nil, width: Int? = nil, batch: Int, threads: Int,
                discriminatorSteps: Int? = nil, accumulation: Int? = nil, latentDim: Int? = nil, steps: Int) {
        self.architecture = architecture
        self.resolution = resolution
        self.width = width
        self.batch = batch
        self.threads = threads
        self.discriminatorSteps = discriminatorSteps
        self.accumulation = accumulation
        self.latentDim = latentDim
        self.steps = steps
    }

    /// A short label such as `dcgan-32 w32 b16 t2 nd2`.
    public var label: String {
        var s = modelConfig.label + " b\(batch) t\(threads)"
        if let n = discriminatorSteps { s += " nd\(n)" }
        if let a = accumulation, a > 1 { s += " acc\(a)" }
        return s
    }

    /// The model this run trains.
    public var modelConfig: ModelConfig {
        ModelConfig(architecture: architecture, resolution: resolution, width: width, latentDim: latentDim)
    }

    /// The recipe the CPU trainer uses for this run (the architecture's official one with
    /// the run's overrides, as `Trainer` builds it).
    public var recipe: TrainingRecipe {
        TrainingRecipe.official(for: architecture, batchPerDevice: batch)
            .overriding(discriminatorSteps: discriminatorSteps, accumulation: accumulation)
    }
}
