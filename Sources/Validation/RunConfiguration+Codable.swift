import Distributed
import Workload

/// JSON with a key set per kind of run: a single process with `threads`, a data-parallel run with `ranks`,
/// `threadsPerRank`, `allreduce` and `bucketBytes` in its place, so that the reports of `gansim validate` and
/// `gansim validate-distributed` keep their keys and files written by either load.
extension RunConfiguration: Codable {
    private enum CodingKeys: String, CodingKey {
        case architecture, resolution, width, batch, threads, discriminatorSteps, accumulation, latentDim, steps
        case ranks, threadsPerRank, allreduce, bucketBytes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        architecture = try c.decode(Architecture.self, forKey: .architecture)
        resolution = try c.decodeIfPresent(Int.self, forKey: .resolution)
        width = try c.decodeIfPresent(Int.self, forKey: .width)
        batch = try c.decode(Int.self, forKey: .batch)
        discriminatorSteps = try c.decodeIfPresent(Int.self, forKey: .discriminatorSteps)
        accumulation = try c.decodeIfPresent(Int.self, forKey: .accumulation)
        latentDim = try c.decodeIfPresent(Int.self, forKey: .latentDim)
        steps = try c.decode(Int.self, forKey: .steps)
        if let ranks = try c.decodeIfPresent(Int.self, forKey: .ranks) {
            threads = try c.decode(Int.self, forKey: .threadsPerRank)
            dataParallel = DataParallel(ranks: ranks, allreduce: try c.decode(AllReduceAlgorithm.self, forKey: .allreduce),
                                        bucketBytes: try c.decode(Int.self, forKey: .bucketBytes))
        } else {
            threads = try c.decode(Int.self, forKey: .threads)
            dataParallel = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(architecture, forKey: .architecture)
        try c.encodeIfPresent(resolution, forKey: .resolution)
        try c.encodeIfPresent(width, forKey: .width)
        try c.encode(batch, forKey: .batch)
        try c.encodeIfPresent(discriminatorSteps, forKey: .discriminatorSteps)
        try c.encodeIfPresent(accumulation, forKey: .accumulation)
        try c.encodeIfPresent(latentDim, forKey: .latentDim)
        try c.encode(steps, forKey: .steps)
        if let p = dataParallel {
            try c.encode(p.ranks, forKey: .ranks)
            try c.encode(threads, forKey: .threadsPerRank)
            try c.encode(p.allreduce, forKey: .allreduce)
            try c.encode(p.bucketBytes, forKey: .bucketBytes)
        } else {
            try c.encode(threads, forKey: .threads)
        }
    }
}
