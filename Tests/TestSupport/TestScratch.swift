import Foundation

/// One temporary root per test run, removed when the run ends (pass or fail); every test's files go in folders
/// under it.
///
/// The root is `gansim-tests-<pid>` in the system's temporary folder. It is removed at process exit; a run that
/// crashed leaves its root, which the next run removes once that process is gone. Only folders with that prefix
/// and a dead process's id are ever removed.
public enum TestScratch {
    /// The root folder of this test run (created on first use).
    public static let root: String = {
        removeStaleRoots()
        let path = NSTemporaryDirectory() + prefix + "\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { TestScratch.removeRoot() }
        return path
    }()

    static let prefix = "gansim-tests-"

    /// A new, empty folder under the root, its name starting with `name`.
    public static func folder(_ name: String) -> String {
        let path = (root as NSString).appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A path under the root for a file whose name starts with `name` and ends with `suffix` (not created).
    public static func file(_ name: String, suffix: String = "") -> String {
        (root as NSString).appendingPathComponent("\(name)-\(UUID().uuidString)\(suffix)")
    }

    static func removeRoot() {
        let path = NSTemporaryDirectory() + prefix + "\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes the roots of earlier runs whose process has ended.
    static func removeStaleRoots() {
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (temporary as NSString).appendingPathComponent(name))
            }
        }
    }
}
