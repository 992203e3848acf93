import Dispatch

/// The all-reduce microbenchmark: times in-place float sums across the job's ranks for
/// a range of message sizes.
public enum CommBenchmark {
    /// 4 KiB to 64 MiB in steps of 2x: enough sizes for each of the transport's regimes to be fitted on its own.
    public static let defaultSizes: [Int] = (0..<15).map { 4096 << $0 }

    /// Timed repetitions for a message of `bytes`: about 256 MiB moved in all, 5 to 100.
    public static func repetitions(bytes: Int) -> Int { min(100, max(5, (256 << 20) / max(bytes, 1))) }

    /// Timed repetitions of a message with the caches evicted before each: each eviction streams twice the cache
    /// through memory, so few.
    public static let evictedRepetitions = 5

    /// Whether `world`'s ranks on a host of `cores` cores time their all-reduces with evicted caches too: only where
    /// each rank has a core of its own (`MPIWorld.threadsOutnumberCores` of one thread each). Ranks that outnumber the
    /// cores take turns on them, and each turn brings another rank's buffers into the caches, so their warm sweep
    /// already reduces from caches their core-mates evicted; evicting on top of that times four ranks streaming the
    /// cache through two cores' memory before each all-reduce, which no training does.
    public static func evictsCaches(_ world: MPIWorld, cores: Int) -> Bool {
        !world.threadsOutnumberCores(threadsEach: 1, cores: cores)
    }

    /// Bytes each rank writes to evict its caches: twice the machine's last-level cache (sysfs's, which a virtual
    /// machine's neighbours share; at most 1 GiB), 64 MiB where it is unknown.
    public static func evictionBytes(lastLevelCacheBytes: Int?) -> Int {
        min(1 << 30, 2 * (lastLevelCacheBytes ?? (32 << 20)))
    }

    /// Times every algorithm at every size, with warm caches and then, where `evictingBytes` is positive, with each
    /// rank's caches evicted before each all-reduce; calls `progress(done, total, label)`.
    ///
    /// - Throws: `MPIError` when a rank fails or stops answering.
    public static func run(
        world: MPIWorld, algorithms: [AllReduceAlgorithm], sizes: [Int] = defaultSizes, evictingBytes: Int = 0,
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws(MPIError) -> [CommSample] {
        var samples: [CommSample] = []
        let evictions: [CacheEviction?] = evictingBytes > 0 ? [nil, CacheEviction(bytes: evictingBytes)] : [nil]
        let total = algorithms.count * sizes.count * evictions.count
        for eviction in evictions {
            for algorithm in algorithms {
                for bytes in sizes {
                    progress?(samples.count, total, "\(algorithm.rawValue) \(bytes) B" + (eviction != nil ? " evicted" : ""))
                    samples.append(try measure(world: world, algorithm: algorithm, bytes: bytes,
                                               repetitions: eviction != nil ? evictedRepetitions : repetitions(bytes: bytes),
                                               eviction: eviction))
                }
            }
        }
        progress?(total, total, "done")
        return samples
    }

    /// Times `repetitions` all-reduces of `bytes` (after two untimed ones), each started
    /// together after a barrier and followed by the division by the rank count that turns the sum into the mean (what
    /// a gradient bucket's reduction costs in training, `BucketReducer`); returns the slowest rank's median.
    ///
    /// With an `eviction`, each rank first writes through it (evicting its caches, as a training state larger than
    /// them does between two reductions) and then its message (as the backward pass writes a bucket's gradients just
    /// before it is reduced), untimed.
    ///
    /// - Throws: `MPIError` when a rank fails or stops answering.
    static func measure(world: MPIWorld, algorithm: AllReduceAlgorithm, bytes: Int,
                        repetitions: Int, eviction: CacheEviction? = nil) throws(MPIError) -> CommSample {
        let count = max(1, bytes / MemoryLayout<Float>.size)
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let scratchCount = max(1, RingAllReduce.scratchCount(count: count, ranks: world.size))
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchCount)
        defer { buffer.deallocate(); scratch.deallocate() }
        // Zeros stay zeros however often they are summed (no overflow, no denormals).
        buffer.initialize(repeating: 0, count: count)
        scratch.initialize(repeating: 0, count: scratchCount)
        var times: [Double] = []
        for rep in 0..<(repetitions + 2) {
            if let eviction {
                eviction.evict()
                buffer.update(repeating: 0, count: count)
            }
            try world.barrier()
            let t0 = DispatchTime.now().uptimeNanoseconds
            let reduction = try algorithm.start(buffer, count: count, world: world, scratch: scratch)
            try reduction.wait(in: world, operation: "the \(algorithm.rawValue) all-reduce of \(bytes) bytes")
            let scale = 1 / Float(world.size)
            for i in 0..<count { buffer[i] *= scale }
            if rep >= 2 { times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9) }
        }
        times.sort()
        let slowest = try world.allReduceMax([times[times.count / 2]])[0]
        return CommSample(algorithm: algorithm.rawValue, bytes: count * MemoryLayout<Float>.size, seconds: slowest,
                          repetitions: repetitions, cacheEvicted: eviction != nil ? true : nil)
    }
}
