import CostModel
import Workload

/// One whole training step timed outside gansim (a `step` record of scripts/measure_graph.py).
public struct MeasuredStep: Sendable, Hashable {
    /// The model the step trained (the export's `config`).
    public var model: ModelConfig
    /// Samples per G step (the D step sees twice as many: real and fake together).
    public var batch: Int
    public var precision: Precision
    /// Median seconds of one step (one D step and one G step).
    public var stepSeconds: Double
    /// Peak bytes the framework allocated during the steps, when the device reports it.
    public var peakAllocatedBytes: Int?
    /// Where the record came from, as `FILE:LINE`.
    public var source: String

    public init(model: ModelConfig, batch: Int, precision: Precision, stepSeconds: Double, peakAllocatedBytes: Int?,
                source: String) {
        self.model = model
        self.batch = batch
        self.precision = precision
        self.stepSeconds = stepSeconds
        self.peakAllocatedBytes = peakAllocatedBytes
        self.source = source
    }

    /// A short label such as `biggan-256 w96 b16 bf16`.
    public var label: String {
        model.label + " b\(batch) \(precision.rawValue)"
    }

    /// The recipe measure_graph.py times: one D step on real and fake together, one G step
    /// with D's weights frozen, Adam, no EMA, no lazy regularisation, no accumulation.
    public var recipe: TrainingRecipe {
        TrainingRecipe(batchPerDevice: batch, accumulation: 1, discriminatorSteps: 1,
                       precision: PrecisionPolicy(precision), optimizer: .adam, ema: false)
    }
}
