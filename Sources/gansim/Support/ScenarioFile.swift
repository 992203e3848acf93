import Foundation
import Simulator

/// A scenario file read from disk: its text and the name results get when it has no `name` (the file's base name).
struct ScenarioFile {
    var text: String
    var defaultName: String
    /// The folder holding the file (relative `cluster.profile` paths are looked up there).
    var directory: String

    /// Reads `path`; an unreadable file is a `scenario` error naming the path.
    init(path: String) throws {
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(field: "scenario", value: path, reason: "cannot read the file")
        }
        text = contents
        defaultName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
