import CostModel

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

    public init(stepSeconds: Double, peakResidentBytes: Int, opTimings: [TimingSample], untimedSeconds: Double? = nil,
                parameters: (generator: Int, discriminator: Int)? = nil) {
        self.stepSeconds = stepSeconds
        self.peakResidentBytes = peakResidentBytes
        self.opTimings = opTimings
        self.untimedSeconds = untimedSeconds
        self.parameters = parameters
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

    /// The fastest of repeated runs of one configuration: the smallest step, each op's
    /// smallest time (op `i` of every run is the same pass, since a configuration's graph
    /// and schedule do not change between runs; where the op lists differ, the fastest
    /// run's ops), and the fastest run's memory and time outside the ops. Contention on a
    /// shared machine only ever slows work down, so the fastest observation is the one
    /// closest to the machine's own speed, and calibration and validation both keep it.
    /// `runs` must not be empty.
    public static func fastest(of runs: [MeasuredRun]) -> MeasuredRun {
        var best = runs.min { $0.stepSeconds < $1.stepSeconds }!
        let aligned = runs.allSatisfy { run in
            run.opTimings.count == best.opTimings.count
                && zip(run.opTimings, best.opTimings).allSatisfy {
                    $0.kind == $1.kind && $0.flops == $1.flops && $0.bytes == $1.bytes
                }
        }
        if aligned {
            for i in best.opTimings.indices {
                best.opTimings[i].seconds = runs.map { $0.opTimings[i].seconds }.min()!
            }
        }
        return best
    }
}
