import Foundation
import Simulator
import InputParsing

/// A scenario file read from disk: its text and the name results get when it has no `name` (the file's base name).
struct ScenarioFile {
    var text: String
    var defaultName: String
    /// The folder holding the file (relative `cluster.profile` paths are looked up there).
    var directory: String

    /// Reads `path`; an unreadable file is a `scenario` error naming the path.
    init(path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ConfigurationError(field: "scenario", value: path, reason: "no such file; check the path")
        }
        guard !isFolder.boolValue else {
            throw ConfigurationError(field: "scenario", value: path, reason: "is a folder; give a scenario YAML file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(field: "scenario", value: path, reason: "cannot be read; check its permissions")
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(field: "scenario", value: path, reason: "is not UTF-8 text; save it as UTF-8")
        }
        text = contents
        defaultName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// Runs `body`, naming this file in errors about the file as a whole (empty, not YAML), which the scenario
    /// parser reports without a path.
    func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as ConfigurationError where error.field == "scenario" {
            error.value = path
            throw error
        }
    }
}
