/// One measured all-reduce: message size and time.
public struct CommSample: Codable, Sendable, Hashable {
    /// `ring` or `mpi`.
    public var algorithm: String
    /// Bytes each rank contributes (and receives summed).
    public var bytes: Int
    /// Median wall seconds of one all-reduce (the slowest rank's).
    public var seconds: Double
    /// Timed repetitions the median is over.
    public var repetitions: Int
    /// Whether the ranks evicted their caches before each repetition (`CommBenchmark.measure`), as a training state
    /// larger than the cache does between two reductions; nil in samples written before it (false).
    public var cacheEvicted: Bool?

    /// Creates a sample.
    public init(algorithm: String, bytes: Int, seconds: Double, repetitions: Int, cacheEvicted: Bool? = nil) {
        self.algorithm = algorithm
        self.bytes = bytes
        self.seconds = seconds
        self.repetitions = repetitions
        self.cacheEvicted = cacheEvicted
    }

    /// Whether the ranks evicted their caches before it (false for samples written before the field).
    public var evicted: Bool { cacheEvicted ?? false }

    /// Algorithm bandwidth: bytes per second of the all-reduce as a whole (`bytes / seconds`).
    public var algorithmBytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds : 0 }
}
