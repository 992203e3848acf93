/// The folder part of a path.
public enum PathParent {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent` gives it ("/" for "/x" and "/", "a" for
    /// "a//b/"), and "." for a bare name ("a", "a/"): Foundation's own crashes on a one-character name ("o", "o/") in
    /// Swift 6.3.
    public static func of(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var parent = trimmed[..<slash]
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        return parent.isEmpty ? "/" : String(parent)
    }
}
