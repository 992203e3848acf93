/// The ring all-reduce and `MPI_Iallreduce` checked against each other and against the
/// exact sum, for one message size (`gansim comm-bench --verify`).
public struct AllReduceCheck: Codable, Sendable, Hashable {
    /// Floats per rank.
    public var count: Int
    /// Largest `|ring - exact|` over the elements (exact: summed in double precision).
    public var ringMaxError: Double
    /// Largest `|mpi - exact|`.
    public var mpiMaxError: Double
    /// Largest `|ring - mpi|`.
    public var ringVersusMPIMaxDifference: Double
    /// Whether every rank ended with bit-identical ring results (and mpi results).
    public var identicalAcrossRanks: Bool

    /// The test value rank `rank` contributes at element `i`: multiples of 1/1024 in
    /// [-0.5, 0.5), exact in float, different on every rank and element.
    static func value(rank: Int, index i: Int) -> Float {
        Float((rank + 1) &* 7919 &+ i &* 104_729 & 1023) / 1024 - 0.5
    }

    /// Runs both algorithms on the same inputs for each count and compares them.
    ///
    /// - Throws: `MPIError` when a rank fails or stops answering.
    public static func run(world: MPIWorld, counts: [Int]) throws(MPIError) -> [AllReduceCheck] {
        var checks: [AllReduceCheck] = []
        for count in counts {
            var results: [[Float]] = []
            for algorithm in AllReduceAlgorithm.allCases {
                let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
                let scratchCount = max(1, RingAllReduce.scratchCount(count: count, ranks: world.size))
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchCount)
                defer { buffer.deallocate(); scratch.deallocate() }
                for i in 0..<count { buffer[i] = value(rank: world.rank, index: i) }
                let reduction = try algorithm.start(buffer, count: count, world: world, scratch: scratch)
                try reduction.wait(in: world, operation: "checking the \(algorithm.rawValue) all-reduce")
                results.append(Array(UnsafeBufferPointer(start: buffer, count: count)))
            }
            var ring = 0.0, mpi = 0.0, between = 0.0
            for i in 0..<count {
                let exact = (0..<world.size).reduce(0.0) { $0 + Double(value(rank: $1, index: i)) }
                ring = max(ring, abs(Double(results[0][i]) - exact))
                mpi = max(mpi, abs(Double(results[1][i]) - exact))
                between = max(between, abs(Double(results[0][i] - results[1][i])))
            }
            let digest = Array(String(fingerprint(results[0]), radix: 16).utf8) + [32] + Array(String(fingerprint(results[1]), radix: 16).utf8)
            let all = try world.allGather(digest)
            checks.append(AllReduceCheck(count: count, ringMaxError: ring, mpiMaxError: mpi, ringVersusMPIMaxDifference: between,
                                         identicalAcrossRanks: Set(all).count == 1))
        }
        return checks
    }

    /// FNV-1a over the floats' bit patterns.
    private static func fingerprint(_ values: [Float]) -> UInt64 {
        values.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1.bitPattern)) &* 0x100_0000_01b3 }
    }
}
