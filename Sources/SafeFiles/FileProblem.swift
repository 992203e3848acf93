import Foundation

/// A file or folder that could not be read, written or created, said as one sentence that names the path, what
/// went wrong and what to do; never Foundation's error text.
public struct FileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder.
    public var path: String
    /// What was being done: `read`, `write`, `create the folder`, ...
    public var action: String
    /// Why, as a short clause (`no such file or folder`, `permission denied`, ...).
    public var reason: String
    /// What the user can do about it.
    public var advice: String

    /// Creates a problem with an explicit reason and advice.
    public init(path: String, action: String, reason: String, advice: String) {
        self.path = path
        self.action = action
        self.reason = reason
        self.advice = advice
    }

    /// A problem from a C `errno` value; the reason and advice are chosen for the common codes.
    public init(path: String, action: String, errno code: Int32) {
        self.path = path
        self.action = action
        switch code {
        case ENOENT:
            reason = "no such file or folder"
            advice = action == "read" ? "check the path" : "create its folder first or choose another path"
        case EACCES, EPERM, EROFS:
            reason = "permission denied"
            advice = "choose a path you can \(action == "read" ? "read" : "write")"
        case ENOTDIR:
            reason = "a part of the path is a file, not a folder"
            advice = "choose another path"
        case EISDIR:
            reason = "it is a folder"
            advice = "give a file path"
        case ENOSPC, EDQUOT:
            reason = "the disk is full"
            advice = "free some space or choose another disk"
        case ENAMETOOLONG:
            reason = "the path is too long"
            advice = "choose a shorter path"
        case EEXIST:
            reason = "something else already exists there"
            advice = "remove it or choose another path"
        default:
            reason = String(cString: strerror(code)).lowercased()
            advice = "check the path"
        }
    }

    /// A problem from any error Foundation threw for `path`; the underlying POSIX code picks the reason.
    public init(path: String, action: String, error: any Error) {
        let ns = error as NSError
        var code: Int32 = 0
        if ns.domain == NSPOSIXErrorDomain {
            code = Int32(ns.code)
        } else if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        } else if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: code = ENOENT
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: code = EACCES
            case NSFileWriteOutOfSpaceError: code = ENOSPC
            case NSFileWriteVolumeReadOnlyError: code = EROFS
            case NSFileWriteFileExistsError: code = EEXIST
            default: code = 0
            }
        }
        if code != 0 {
            self.init(path: path, action: action, errno: code)
        } else {
            self.init(path: path, action: action, reason: "the system refused", advice: "check the path and its folder")
        }
    }

    /// One sentence: `cannot write out/x.json: permission denied; choose a path you can write`.
    public var description: String { "cannot \(action) \(path): \(reason); \(advice)" }
}
