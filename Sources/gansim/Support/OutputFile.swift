import Foundation
import SafeFiles
import InputParsing

/// A file a command will write after long work: its folder is created and checked before the work starts.
enum OutputFile {
    /// Checks that a file can be written at `path` (its folder exists and takes files, or can be created); errors
    /// name `flag` and the path, so that nothing runs for minutes and then fails to save.
    static func prepare(_ path: String, flag: String) throws {
        do { try OutputCheck.file(path) } catch {
            throw ConfigurationError(field: flag, value: path, reason: error.description)
        }
    }

    /// Writes `data` to `path` whole or not at all, creating its folder if missing; errors name `flag`.
    static func write(_ data: Data, to path: String, flag: String) throws {
        do { try AtomicFile.write(data, to: path) } catch {
            throw ConfigurationError(field: flag, value: path, reason: error.description)
        }
    }
}
