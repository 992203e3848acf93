/// Why a distributed operation failed, phrased so that a user can act on it.
public enum MPIError: Error, Equatable, CustomStringConvertible {
    /// An MPI call returned an error code.
    case call(name: String, code: Int32, message: String)
    /// The other ranks did not answer within the watchdog timeout.
    case timeout(operation: String, seconds: Double)
    /// The ranks were started with different configurations: `values[r]` is rank r's.
    case configurationMismatch(field: String, values: [String])
    /// A distributed command that was not started by `mpirun`.
    case notLaunchedByMPI(command: String)
    /// A distributed option outside what is accepted.
    case invalidOption(field: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .call(let name, let code, let message):
            "\(name) failed with MPI error \(code): \(message)"
        case .timeout(let operation, let seconds):
            "no answer from the other ranks within \(Self.format(seconds)) s during \(operation): a rank died, hung "
                + "or runs far behind (raise --comm-timeout if it is only slow)"
        case .configurationMismatch(let field, let values):
            "the ranks were started with different configurations: \(field) is "
                + values.enumerated().map { "'\($1)' on rank \($0)" }.joined(separator: ", ")
                + "; start every rank with the same flags"
        case .notLaunchedByMPI(let command):
            "\(command) must be started by mpirun (e.g. mpirun -np 2 gansim \(command) ...); "
                + "OMPI_COMM_WORLD_SIZE is not set"
        case .invalidOption(let field, let value, let expected):
            "invalid \(field) '\(value)': expected \(expected)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
