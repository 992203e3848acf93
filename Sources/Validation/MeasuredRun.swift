import CostModel
import Workload

/// What a real run measured: its median step, peak memory, per-op times and the time
/// outside them.
public struct MeasuredRun: Sendable {
    public var stepSeconds: Double
    public var peakResidentBytes: Int
    public var opTimings: [TimingSample]
    /// Median time per iteration outside the timed ops and updates, if the run measured it.
    public var untimedSeconds: Double?
    /// Learned parameters of the generator and discriminator that ran, if the run reported them.
    public var parameters: (generator: Int, discriminator: Int)?
    /// Data-parallel runs: communication plus waiting per iteration, the mean over ranks of their medians.
    public var communicationSeconds: Double?
    /// Data-parallel runs: compute per iteration, the mean over ranks of their medians.
    public var computeSeconds: Double?
    /// Data-parallel runs: what the reductions cost a step, per iteration
    /// (`DistributedTrainResult.exposedReductionSeconds`), if the run measured them.
    public var exposedReductionSeconds: Double?

    public init(stepSeconds: Double, peakResidentBytes: Int, opTimings: [TimingSample], untimedSeconds: Double? = nil,
                parameters: (generator: Int, discriminator: Int)? = nil, communicationSeconds: Double? = nil,
                computeSeconds: Double? = nil, exposedReductionSeconds: Double? = nil) {
        self.stepSeconds = stepSeconds
        self.peakResidentBytes = peakResidentBytes
        self.opTimings = opTimings
        self.untimedSeconds = untimedSeconds
        self.parameters = parameters
        self.communicationSeconds = communicationSeconds
        self.computeSeconds = computeSeconds
        self.exposedReductionSeconds = exposedReductionSeconds
    }

    /// Throws unless the run trained `model` (same parameter counts in G and D), so that a
    /// prediction is never compared with a run of another model.
    public func checkModel(_ model: GANModel, label: String) throws(ModelMismatch) {
        guard let parameters else { return }
        let predicted = (generator: model.generator.parameterCount, discriminator: model.discriminator.parameterCount)
        if parameters != predicted {
            throw ModelMismatch(label: label, measured: parameters, predicted: predicted)
        }
    }

    /// The fastest of repeated runs of one configuration (smallest median step), whole:
    /// its op times, memory and time outside the ops belong together. Contention on a
    /// shared machine only ever slows a run down, so the fastest run is the one closest
    /// to the machine's own speed, and calibration and validation both keep it. Each is a
    /// median over the run's iterations on both sides: per-op minima over many iterations
    /// (tried) sum to less than any real step, and biased predictions low by up to 35%.
    /// `runs` must not be empty.
    public static func fastest(of runs: [MeasuredRun]) -> MeasuredRun {
        runs.min { $0.stepSeconds < $1.stepSeconds }!
    }
}
