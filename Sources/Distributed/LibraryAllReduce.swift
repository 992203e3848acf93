import CMPI

/// Sums a float buffer in place across every rank with the MPI library's non-blocking
/// `MPI_Iallreduce`.
final class LibraryAllReduce: PendingReduction {
    private let world: MPIWorld
    private var request: [MPI_Request?] = [nil]
    private var done: Bool

    /// Starts the reduction.
    init(_ buffer: UnsafeMutablePointer<Float>, count: Int, world: MPIWorld) throws(MPIError) {
        self.world = world
        done = world.size == 1 || count == 0
        if !done {
            try MPIWorld.check(MPI_Iallreduce(gansim_mpi_in_place(), buffer, Int32(count), gansim_mpi_float(),
                                              gansim_mpi_sum(), gansim_mpi_comm_world(), &request[0]), "MPI_Iallreduce")
        }
    }

    func poll() throws(MPIError) -> Bool {
        if !done { done = try world.testAll(&request, operation: "MPI_Iallreduce") }
        return done
    }
}
