/// A sweep or plan request that cannot run: one message naming the flag, field and value.
public struct SweepError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
