/// How gradient buckets are summed across ranks.
public enum AllReduceAlgorithm: String, Sendable, Codable, CaseIterable {
    /// gansim's ring over MPI point-to-point messages: reduce-scatter then all-gather,
    /// `2 (N-1)` steps of `1/N` of the bucket each, the schedule the simulator's `ring`
    /// collective prices.
    case ring
    /// The MPI library's own `MPI_Iallreduce` (Open MPI picks the algorithm).
    case mpi

    /// Starts summing `count` floats at `buffer` in place across `world`; the caller
    /// polls the result until it completes. `scratch` holds at least
    /// `RingAllReduce.scratchCount(count:ranks:)` floats (ring only).
    func start(
        _ buffer: UnsafeMutablePointer<Float>, count: Int, world: MPIWorld, scratch: UnsafeMutablePointer<Float>
    ) throws(MPIError) -> any PendingReduction {
        switch self {
        case .ring: try RingAllReduce(buffer, count: count, world: world, scratch: scratch)
        case .mpi: try LibraryAllReduce(buffer, count: count, world: world)
        }
    }
}
