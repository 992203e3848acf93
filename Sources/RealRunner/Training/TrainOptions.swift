import CPUExecution
import Workload

/// Everything a training run needs; unset values take the architecture's defaults
/// (those of its official code, see `TrainDefaults`).
public struct TrainOptions: Sendable {
    public var architecture: Architecture
    public var resolution: Int?
    public var width: Int?
    public var latentDim: Int?
    /// Samples per micro-batch.
    public var batch: Int?
    /// Training iterations (each `nDisc` D steps and one G step).
    public var steps: Int?
    /// Threads for OpenBLAS and the runner's loops together.
    public var threads: Int = 1
    public var dataset: DatasetChoice?
    public var seed: UInt64 = 1
    public var loss: GANLoss?
    public var optimizer: OptimizerKind?
    public var learningRate: Float?
    public var discriminatorSteps: Int?
    public var accumulation: Int?
    public var ema: Bool?
    /// EMA decay per G step.
    public var emaDecay: Float = 0.999
    /// Iterations excluded from the step-time statistics.
    public var warmupSteps: Int?
    /// The recipe's precision; the trainer computes in fp32 only, so `TrainDefaults.validate` refuses any other.
    public var precision: Precision = .fp32

    /// Creates options for an architecture.
    public init(architecture: Architecture) { self.architecture = architecture }

    /// Samples per micro-batch after defaults (`batch`, else the architecture's).
    public var resolvedBatch: Int { batch ?? TrainDefaults.of(architecture).batch }

    /// The model the trainer builds (unset values take the architecture's defaults).
    public var modelConfig: ModelConfig {
        ModelConfig(architecture: architecture, resolution: resolution, width: width,
                    latentDim: latentDim ?? TrainDefaults.of(architecture).latentDim)
    }

    /// The recipe the trainer runs: the architecture's official one with these options' overrides.
    public var recipe: TrainingRecipe {
        TrainingRecipe.official(for: architecture, batchPerDevice: resolvedBatch, precision: precision)
            .overriding(discriminatorSteps: discriminatorSteps, accumulation: accumulation, ema: ema, optimizer: optimizer)
    }
}
