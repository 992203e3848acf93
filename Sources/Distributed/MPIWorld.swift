import CMPI
import Foundation

/// The processes of an `mpirun` job (MPI_COMM_WORLD): this process's rank, their
/// number, and the collectives gansim uses, each guarded by a watchdog.
///
/// Usage (e.g. sharding a sweep):
///
/// ```swift
/// if let world = MPIWorld.initializeIfLaunchedByMPI() {
///     let mine = grid.enumerated().filter { $0.offset % world.size == world.rank }
///     let parts = try world.allGather(encode(results(mine)))   // ordered by rank
///     if world.rank == 0 { write(merge(parts)) }
///     world.finalize()
/// }
/// ```
///
/// MPI is initialised with `MPI_THREAD_SERIALIZED`: any thread may call these methods,
/// but never two at once. Every collective waits at most `timeoutSeconds` for the other
/// ranks and then throws `MPIError.timeout` (a dead or hung rank never hangs the
/// others); errors are returned rather than aborting (`MPI_ERRORS_RETURN`), so a caller
/// that cannot recover calls `abort(_:)`, which ends every rank. Call `finalize()` on
/// every rank before exiting normally.
public struct MPIWorld: Sendable, Hashable {
    /// This process's rank, `0 ..< size`.
    public let rank: Int
    /// Processes in the job.
    public let size: Int
    /// Seconds a collective waits for the other ranks before throwing (the watchdog;
    /// `.infinity` waits forever). Ranks that reach a collective at very different times
    /// (e.g. after sweep shards of unequal cost) need a limit above that difference.
    public var timeoutSeconds: Double = 120
    /// Whether a wait past `PollLoop.yieldNanoseconds` sleeps between polls, leaving the core to other threads (ranks
    /// whose threads outnumber the host's cores: `threadsOutnumberCores`), rather than yielding it
    /// (`PollLoop.run`).
    public var sleepsWhileWaiting = true

    /// Creates a world description (MPI must already be initialised for collectives).
    init(rank: Int, size: Int) {
        self.rank = rank
        self.size = size
    }

    /// Whether this host's ranks (`OMPI_COMM_WORLD_LOCAL_SIZE`, or the whole job where `mpirun` did not say) of
    /// `threadsEach` threads outnumber the `cores` they run on together (`hostCores(ownCores:allowedCPUs:)`).
    public func threadsOutnumberCores(threadsEach: Int, cores: Int) -> Bool {
        let local = ProcessInfo.processInfo.environment["OMPI_COMM_WORLD_LOCAL_SIZE"].flatMap { Int($0) } ?? size
        return local * max(threadsEach, 1) > max(cores, 1)
    }

    /// The job size `mpirun` announces to its processes (`OMPI_COMM_WORLD_SIZE`), or nil
    /// when this process was not started by `mpirun`.
    public static var launchedSize: Int? {
        ProcessInfo.processInfo.environment["OMPI_COMM_WORLD_SIZE"].flatMap { Int($0) }
    }

    /// Initialises MPI when this process was started by `mpirun` (detected by
    /// `OMPI_COMM_WORLD_SIZE`) and returns the world; nil otherwise. Calling it again
    /// returns the same world.
    public static func initializeIfLaunchedByMPI() -> MPIWorld? {
        guard launchedSize != nil else { return nil }
        var flag: Int32 = 0
        MPI_Finalized(&flag)
        precondition(flag == 0, "MPI was already finalised; it cannot be initialised twice")
        MPI_Initialized(&flag)
        if flag == 0 {
            var provided: Int32 = 0
            MPI_Init_thread(nil, nil, gansim_mpi_thread_serialized(), &provided)
            MPI_Comm_set_errhandler(gansim_mpi_comm_world(), gansim_mpi_errors_return())
        }
        var rank: Int32 = 0, size: Int32 = 0
        MPI_Comm_rank(gansim_mpi_comm_world(), &rank)
        MPI_Comm_size(gansim_mpi_comm_world(), &size)
        return MPIWorld(rank: Int(rank), size: Int(size))
    }

    /// Finalises MPI (once; later calls do nothing). Every rank must call it before a
    /// normal exit.
    public func finalize() {
        var flag: Int32 = 0
        MPI_Finalized(&flag)
        if flag == 0 { MPI_Finalize() }
    }

    /// Prints `gansim: rank R of N: error: message` to standard error and ends every
    /// rank of the job (`MPI_Abort`) with exit status `code`.
    public func abort(_ message: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("gansim: rank \(rank) of \(size): error: \(message)\n".utf8))
        MPI_Abort(gansim_mpi_comm_world(), code)
        exit(code)
    }

    /// Throws `MPIError.call` naming `name` unless `code` is `MPI_SUCCESS`.
    static func check(_ code: Int32, _ name: @autoclosure () -> String) throws(MPIError) {
        guard code != gansim_mpi_success() else { return }
        var buffer = [CChar](repeating: 0, count: Int(gansim_mpi_max_error_string()) + 1)
        var length: Int32 = 0
        MPI_Error_string(code, &buffer, &length)
        let message = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw .call(name: name(), code: code, message: message)
    }
}
