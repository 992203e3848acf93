import ArgumentParser

/// The command line as a library call: what `gansim` does with its arguments, for the fuzzer to run in-process.
public enum GansimEntry {
    /// How far a command line is taken.
    public enum Depth: Sendable {
        /// Parse and run the command.
        case run
        /// Parse, then only the up-front checks of commands that have them (`Preflighted`); others are only parsed.
        case preflight
    }

    /// Parses `arguments` (without the program name) and runs the command to `depth`; throws what `gansim` would
    /// report.
    public static func run(_ arguments: [String], depth: Depth) throws {
        var command = try Gansim.parseAsRoot(arguments)
        switch depth {
        case .run: try command.run()
        case .preflight: try (command as? any Preflighted)?.preflight()
        }
    }

    /// The message `gansim` prints for `error` (without the `Error: ` prefix) and its exit status.
    public static func report(_ error: any Error) -> (message: String, status: Int32) {
        (Gansim.message(for: error), Gansim.exitCode(for: error).rawValue)
    }
}
