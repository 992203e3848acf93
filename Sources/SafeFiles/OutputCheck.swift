import Foundation

/// Checks, before any long work, that a command will be able to write its outputs.
///
/// A missing folder is created (with its parents); a probe file is created and removed, because permission bits
/// alone do not tell (read-only mounts, root, ACLs).
public enum OutputCheck {
    /// Checks that the file `path` can be written: its folder exists or can be created and takes a new file, and
    /// `path` is not a folder.
    public static func file(_ path: String) throws(FileProblem) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw FileProblem(path: path, action: "write", reason: "it is a folder", advice: "give a file path")
        }
        let folder = (path as NSString).deletingLastPathComponent
        try self.folder(folder.isEmpty ? "." : folder)
    }

    /// Checks that the folder `path` exists or can be created, and takes new files.
    public static func folder(_ path: String) throws(FileProblem) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw FileProblem(path: path, action: "use the folder", reason: "a file of that name exists", advice: "remove it or choose another folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw FileProblem(path: path, action: "create the folder", error: error)
            }
        }
        let probe = (path as NSString).appendingPathComponent(".gansim-probe-\(getpid())-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw FileProblem(path: path, action: "write into the folder", errno: errno)
        }
        unlink(probe)
    }
}
