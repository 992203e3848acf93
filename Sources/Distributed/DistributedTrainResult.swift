import RealRunner

/// The summary of a data-parallel run (`gansim train --distributed --json`): every
/// field of a single-process `TrainResult`, for the global batch, plus the per-rank
/// split of the step into compute, communication and waiting.
///
/// The `TrainResult` fields are encoded at the top level, so tools that read a
/// single-process `result.json` read this one too. `batch` is the global batch,
/// `flopsPerStep` counts all ranks, `stepSeconds` is the median over timed iterations
/// of the slowest rank's iteration, and `peakResidentBytes` is the largest rank's.
public struct DistributedTrainResult: Codable, Sendable {
    /// One rank's medians over the timed iterations, in seconds.
    public struct Rank: Codable, Sendable, Hashable {
        public var rank: Int
        public var stepSeconds: Double
        public var computeSeconds: Double
        public var communicationSeconds: Double
        public var waitSeconds: Double
        public var peakResidentBytes: Int
    }

    /// The single-process fields (global batch).
    public var train: TrainResult
    /// Processes in the job.
    public var ranks: Int
    /// `ring` or `mpi`.
    public var allreduce: String
    /// Bucket size the gradients were cut into, in bytes.
    public var bucketBytes: Int
    /// Samples per micro-batch on each rank (`batch / ranks`).
    public var batchPerRank: Int
    /// Gradient buckets all-reduced per iteration (G and D steps together).
    public var bucketsPerIteration: Int
    /// Gradient bytes each rank all-reduces per iteration.
    public var bytesReducedPerIteration: Int
    /// Mean over ranks of their median communication seconds per iteration.
    public var communicationSeconds: Double
    /// Mean over ranks of their median waiting seconds per iteration.
    public var waitSeconds: Double
    /// What the reductions cost a step, in seconds per iteration: the median over the timed iterations of the sum over
    /// their synchronisations of the least of the ranks' exposed reductions (`RankIterationTiming.exposedReductionSeconds`:
    /// the rank whose backward ended last waits for no one). Communication and waiting less this is mostly waiting for
    /// slower ranks. Nil in results written before it was kept.
    public var exposedReductionSeconds: Double?
    /// Each rank's figures, by rank.
    public var perRank: [Rank]

    private enum CodingKeys: String, CodingKey {
        case ranks, allreduce, bucketBytes, batchPerRank, bucketsPerIteration, bytesReducedPerIteration
        case communicationSeconds, waitSeconds, exposedReductionSeconds, perRank
    }

    /// Creates a result; see the properties.
    public init(train: TrainResult, ranks: Int, allreduce: String, bucketBytes: Int, batchPerRank: Int,
                bucketsPerIteration: Int, bytesReducedPerIteration: Int, perRank: [Rank],
                exposedReductionSeconds: Double? = nil) {
        self.train = train
        self.ranks = ranks
        self.allreduce = allreduce
        self.bucketBytes = bucketBytes
        self.batchPerRank = batchPerRank
        self.bucketsPerIteration = bucketsPerIteration
        self.bytesReducedPerIteration = bytesReducedPerIteration
        self.perRank = perRank
        self.exposedReductionSeconds = exposedReductionSeconds
        let n = Double(max(1, perRank.count))
        communicationSeconds = perRank.reduce(0) { $0 + $1.communicationSeconds } / n
        waitSeconds = perRank.reduce(0) { $0 + $1.waitSeconds } / n
    }

    public init(from decoder: any Decoder) throws {
        train = try TrainResult(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ranks = try c.decode(Int.self, forKey: .ranks)
        allreduce = try c.decode(String.self, forKey: .allreduce)
        bucketBytes = try c.decode(Int.self, forKey: .bucketBytes)
        batchPerRank = try c.decode(Int.self, forKey: .batchPerRank)
        bucketsPerIteration = try c.decode(Int.self, forKey: .bucketsPerIteration)
        bytesReducedPerIteration = try c.decode(Int.self, forKey: .bytesReducedPerIteration)
        communicationSeconds = try c.decode(Double.self, forKey: .communicationSeconds)
        waitSeconds = try c.decode(Double.self, forKey: .waitSeconds)
        exposedReductionSeconds = try c.decodeIfPresent(Double.self, forKey: .exposedReductionSeconds)
        perRank = try c.decode([Rank].self, forKey: .perRank)
    }

    public func encode(to encoder: any Encoder) throws {
        try train.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ranks, forKey: .ranks)
        try c.encode(allreduce, forKey: .allreduce)
        try c.encode(bucketBytes, forKey: .bucketBytes)
        try c.encode(batchPerRank, forKey: .batchPerRank)
        try c.encode(bucketsPerIteration, forKey: .bucketsPerIteration)
        try c.encode(bytesReducedPerIteration, forKey: .bytesReducedPerIteration)
        try c.encode(communicationSeconds, forKey: .communicationSeconds)
        try c.encode(waitSeconds, forKey: .waitSeconds)
        try c.encodeIfPresent(exposedReductionSeconds, forKey: .exposedReductionSeconds)
        try c.encode(perRank, forKey: .perRank)
    }
}
