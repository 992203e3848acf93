import Foundation

/// Writes a file whole or not at all: the bytes go to a temporary file beside the target, which is then renamed
/// over it.
///
/// Foundation's `.atomic` write is not used: on Linux it stages the file in a fresh `/tmp/TemporaryDirectory.*`
/// folder that it never removes, and a rename from another file system is a copy, so an interruption can leave half
/// a file. A temporary file in the target's own folder renames in one step on every file system.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing any file there; errors are `FileProblem`s naming the path.
    public static func write(_ data: Data, to path: String) throws(FileProblem) {
        let folder = PathParent.of(path)
        let name = (path as NSString).lastPathComponent
        if !FileManager.default.fileExists(atPath: folder) { try OutputCheck.create(folder) }
        let staging = (folder as NSString)
            .appendingPathComponent(".\(name).partial-\(getpid())-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: staging, contents: data) else {
            throw FileProblem(path: path, action: "write", errno: errno)
        }
        guard rename(staging, path) == 0 else {
            let code = errno
            unlink(staging)
            throw FileProblem(path: path, action: "write", errno: code)
        }
    }

    /// Writes `text` as UTF-8 to `path` (see `write(_:to:)`).
    public static func write(_ text: String, to path: String) throws(FileProblem) {
        try write(Data(text.utf8), to: path)
    }
}
