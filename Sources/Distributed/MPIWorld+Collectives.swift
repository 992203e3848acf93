import CMPI

extension MPIWorld {
    /// Returns once every rank has called `barrier()`.
    ///
    /// - Throws: `MPIError.timeout` when a rank does not arrive within `timeoutSeconds`.
    public func barrier() throws(MPIError) {
        var request: [MPI_Request?] = [nil]
        try Self.check(MPI_Ibarrier(gansim_mpi_comm_world(), &request[0]), "MPI_Ibarrier")
        try wait(&request, operation: "a barrier")
    }

    /// Every rank's `bytes` (of any length), ordered by rank, on every rank.
    ///
    /// - Throws: `MPIError.timeout` when a rank does not take part within `timeoutSeconds`.
    public func allGather(_ bytes: [UInt8]) throws(MPIError) -> [[UInt8]] {
        guard bytes.count < Int(Int32.max) else {
            throw .invalidOption(field: "allGather bytes", value: "\(bytes.count)", expected: "fewer than 2^31 bytes")
        }
        // Buffers handed to non-blocking calls must outlive them: allocate, not arrays.
        let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size + 1)
        let displacements = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
        defer { counts.deallocate(); displacements.deallocate() }
        counts[size] = Int32(bytes.count)
        var request: [MPI_Request?] = [nil]
        try Self.check(MPI_Iallgather(counts.baseAddress! + size, 1, gansim_mpi_int(), counts.baseAddress, 1,
                                      gansim_mpi_int(), gansim_mpi_comm_world(), &request[0]), "MPI_Iallgather")
        try wait(&request, operation: "gathering message sizes")
        var total = 0
        for r in 0..<size {
            displacements[r] = Int32(total)
            total += Int(counts[r])
        }
        guard total < Int(Int32.max) else {
            throw .invalidOption(field: "allGather total bytes", value: "\(total)", expected: "fewer than 2^31 bytes")
        }
        let send = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        let gathered = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(total, 1))
        defer { send.deallocate(); gathered.deallocate() }
        _ = send.initialize(from: bytes)
        try Self.check(MPI_Iallgatherv(send.baseAddress, Int32(bytes.count), gansim_mpi_byte(), gathered.baseAddress,
                                       counts.baseAddress, displacements.baseAddress, gansim_mpi_byte(),
                                       gansim_mpi_comm_world(), &request[0]), "MPI_Iallgatherv")
        try wait(&request, operation: "gathering data from every rank")
        return (0..<size).map { r in
            Array(UnsafeBufferPointer(start: gathered.baseAddress! + Int(displacements[r]), count: Int(counts[r])))
        }
    }

    /// The element-wise sum of every rank's `values` (same length on every rank).
    ///
    /// - Throws: `MPIError.timeout` when a rank does not take part within `timeoutSeconds`.
    public func allReduceSum(_ values: [Double]) throws(MPIError) -> [Double] {
        try allReduce(values, op: gansim_mpi_sum(), name: "summing")
    }

    /// The element-wise maximum of every rank's `values` (same length on every rank).
    ///
    /// - Throws: `MPIError.timeout` when a rank does not take part within `timeoutSeconds`.
    public func allReduceMax(_ values: [Double]) throws(MPIError) -> [Double] {
        try allReduce(values, op: gansim_mpi_max(), name: "taking the maximum of")
    }

    private func allReduce(_ values: [Double], op: MPI_Op?, name: String) throws(MPIError) -> [Double] {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(values.count, 1))
        defer { buffer.deallocate() }
        _ = buffer.initialize(from: values)
        var request: [MPI_Request?] = [nil]
        try Self.check(MPI_Iallreduce(gansim_mpi_in_place(), buffer.baseAddress, Int32(values.count), gansim_mpi_double(),
                                      op, gansim_mpi_comm_world(), &request[0]), "MPI_Iallreduce")
        try wait(&request, operation: "\(name) \(values.count) values across ranks")
        return Array(buffer.prefix(values.count))
    }
}
