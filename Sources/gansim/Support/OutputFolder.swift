import Foundation
import Simulator

/// The folder a command writes its `--out` files into, each file atomically.
struct OutputFolder {
    let url: URL

    /// Creates the folder `path` and its parents if missing; one that cannot be created is an `--out` error.
    init(_ path: String) throws {
        url = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(field: "--out", value: path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
    }

    /// Writes each `(name, contents)` pair into the folder, in order.
    func write(_ files: [(String, Data)]) throws {
        for (name, data) in files { try Self.atomicWrite(data, to: url.appendingPathComponent(name)) }
    }

    /// Writes `text` as UTF-8 into the file `name` of the folder.
    func write(_ text: String, to name: String) throws {
        try write([(name, Data(text.utf8))])
    }

    /// Writes `data` to a temporary file beside `url`, then renames it into place
    /// (Foundation's atomic write). `FileManager.replaceItemAt` is not used: on Linux it
    /// deletes an existing file and then fails, losing it.
    static func atomicWrite(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: .atomic)
    }
}
