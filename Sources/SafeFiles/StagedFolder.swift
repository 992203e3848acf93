import Foundation

/// A folder of outputs written whole: files go into a hidden staging folder beside the target, which `commit()`
/// renames into place, so an interrupted run leaves the old folder or the new one, never a mix.
///
/// Invariant: the staging folder has a unique name that this type created; it is the only path it ever removes,
/// together with the old folder's parked copy after a successful swap.
public final class StagedFolder {
    /// The folder the outputs end up in.
    public let target: String
    /// The hidden folder the files are written into until `commit()`.
    public let staging: String
    private var committed = false

    /// Creates the staging folder beside `target` (the target's parent is created if missing).
    public init(target: String) throws(FileProblem) {
        let trimmed = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        self.target = trimmed
        let parent = PathParent.of(trimmed)
        let base = (trimmed as NSString).lastPathComponent
        try OutputCheck.create(parent)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: trimmed, isDirectory: &isFolder), !isFolder.boolValue {
            throw FileProblem(path: trimmed, action: "use the folder", reason: "a file of that name exists", advice: "remove it or choose another folder")
        }
        staging = (parent as NSString)
            .appendingPathComponent(".\(base).partial-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw FileProblem(path: staging, action: "create the folder", error: error)
        }
    }

    /// The path of the file `name` inside the staging folder.
    public func path(_ name: String) -> String { (staging as NSString).appendingPathComponent(name) }

    /// Writes `data` into the staging folder as `name`.
    public func write(_ data: Data, to name: String) throws(FileProblem) {
        guard FileManager.default.createFile(atPath: path(name), contents: data) else {
            throw FileProblem(path: (target as NSString).appendingPathComponent(name), action: "write", errno: errno)
        }
    }

    /// Puts the staged folder in place of the target.
    ///
    /// Files of an existing target folder that this run did not write are kept (copied into the staged folder
    /// first), so a folder shared by several commands loses nothing; the old folder is parked under a unique
    /// name, the new one renamed in, and the parked one removed.
    public func commit() throws(FileProblem) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
            let written = Set((try? manager.contentsOfDirectory(atPath: staging)) ?? [])
            for name in (try? manager.contentsOfDirectory(atPath: target)) ?? [] where !written.contains(name) {
                do {
                    try manager.copyItem(atPath: (target as NSString).appendingPathComponent(name), toPath: path(name))
                } catch {
                    throw FileProblem(path: (target as NSString).appendingPathComponent(name), action: "keep", error: error)
                }
            }
            let parked = staging + "-old"
            guard rename(target, parked) == 0 else { throw FileProblem(path: target, action: "replace", errno: errno) }
            guard rename(staging, target) == 0 else {
                let code = errno
                rename(parked, target)
                throw FileProblem(path: target, action: "replace", errno: code)
            }
            try? manager.removeItem(atPath: parked)
        } else {
            guard rename(staging, target) == 0 else { throw FileProblem(path: target, action: "create", errno: errno) }
        }
        committed = true
    }

    /// Removes the staging folder of a run that did not commit.
    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
    }
}
