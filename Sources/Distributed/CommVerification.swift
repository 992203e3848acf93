/// What `gansim comm-bench --verify` checks: the ring against `MPI_Iallreduce` and the
/// exact sum, and `MPIWorld.allGather` with payloads of different sizes.
public struct CommVerification: Codable, Sendable {
    /// One check per message size.
    public var allReduce: [AllReduceCheck]
    /// Whether every rank received every rank's payload, in rank order, intact (rank 0
    /// sends nothing, rank r > 0 sends `1000 r + 3` bytes of value `r`).
    public var allGatherIntact: Bool

    /// Runs the checks on every rank of `world`.
    ///
    /// - Throws: `MPIError` when a rank fails or stops answering.
    public static func run(world: MPIWorld) throws(MPIError) -> CommVerification {
        let allReduce = try AllReduceCheck.run(world: world, counts: [1, 3, 1000, 4097, 1 << 20])
        func payload(_ r: Int) -> [UInt8] { r == 0 ? [] : Array(repeating: UInt8(r & 255), count: 1000 * r + 3) }
        let parts = try world.allGather(payload(world.rank))
        let intact = parts.count == world.size && parts.enumerated().allSatisfy { $1 == payload($0) }
        let everywhere = try world.allReduceMax([intact ? 0 : 1])[0] == 0
        return CommVerification(allReduce: allReduce, allGatherIntact: everywhere)
    }
}
