import Foundation
import Simulator

/// A file a command will write after long work: its folder is created and checked before the work starts.
enum OutputFile {
    /// Creates the folder of `path` (and its parents) if missing and checks that a file can be written there; errors
    /// name `flag` and the path, so that nothing runs for minutes and then fails to save.
    static func prepare(_ path: String, flag: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(field: flag, value: path, reason: "cannot create its folder \(folder.path): \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw ConfigurationError(field: flag, value: path, reason: "its folder \(folder.path) is not writable")
        }
    }
}
