import Distributed

extension MeasuredRun {
    /// What a data-parallel run measured (`gansim train --distributed --json`): its step (the slowest rank's median),
    /// the largest rank's peak, its parameters, and the means over ranks of their median communication plus waiting
    /// and compute, and what its reductions cost a step; it has no op timings.
    public init(dataParallel r: DistributedTrainResult) {
        let n = Double(max(1, r.perRank.count))
        self.init(stepSeconds: r.train.stepSeconds, peakResidentBytes: r.train.peakResidentBytes, opTimings: [],
                  untimedSeconds: r.train.untimedSeconds,
                  parameters: (r.train.generatorParameters, r.train.discriminatorParameters),
                  communicationSeconds: r.communicationSeconds + r.waitSeconds,
                  computeSeconds: r.perRank.reduce(0) { $0 + $1.computeSeconds } / n,
                  exposedReductionSeconds: r.exposedReductionSeconds)
    }
}
