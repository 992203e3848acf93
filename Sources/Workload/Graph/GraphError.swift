/// A graph that cannot be built: an op received inputs it cannot take.
public struct GraphError: Error, Sendable, CustomStringConvertible {
    /// The name of the op being added.
    public var op: String
    /// What is wrong, in a sentence.
    public var reason: String

    public init(op: String, reason: String) {
        self.op = op
        self.reason = reason
    }

    public var description: String { "cannot build op '\(op)': \(reason)" }
}
