import Foundation

/// Checks, before any long work, that a command will be able to write its outputs, leaving nothing behind.
///
/// A missing folder is not created here (a run that fails later leaves no empty folder): its nearest existing
/// ancestor must be a folder that takes new files, so that the folder can be created when the outputs are written.
/// A probe file is created and removed, because permission bits alone do not tell (read-only mounts, root, ACLs).
public enum OutputCheck {
    /// Checks that the file `path` can be written: it is not a folder, and its folder exists and takes a new file or
    /// can be created.
    public static func file(_ path: String) throws(FileProblem) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw FileProblem(path: path, action: "write", reason: "it is a folder", advice: "give a file path")
        }
        try self.folder(PathParent.of(path))
    }

    /// Checks that the folder `path` takes new files, or can be created where it is missing.
    public static func folder(_ path: String) throws(FileProblem) {
        var existing = path.isEmpty ? "." : path
        var isFolder: ObjCBool = false
        // The nearest part of the path that exists.
        while !FileManager.default.fileExists(atPath: existing, isDirectory: &isFolder) {
            existing = PathParent.of(existing)
        }
        guard isFolder.boolValue else {
            let reason = existing == path ? "a file of that name exists" : "\(existing) is a file, not a folder"
            throw FileProblem(path: path, action: existing == path ? "use the folder" : "create the folder", reason: reason,
                              advice: "remove it or choose another folder")
        }
        let probe = (existing as NSString).appendingPathComponent(".gansim-probe-\(getpid())-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw FileProblem(path: path, action: existing == path ? "write into the folder" : "create the folder", errno: errno)
        }
        unlink(probe)
    }

    /// Creates the folder `path` and its parents if missing.
    public static func create(_ path: String) throws(FileProblem) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileProblem(path: path, action: "create the folder", error: error)
        }
    }
}
