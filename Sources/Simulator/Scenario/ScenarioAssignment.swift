import Yams

/// Scenario fields set to typed values, applied to a base `ScenarioInput`: one swept value, or a planner candidate.
public struct ScenarioAssignment: Sendable {
    /// The fields it sets, as a partial input.
    public let fields: ScenarioInput

    /// Sets what `fields` gives.
    public init(_ fields: ScenarioInput) { self.fields = fields }

    /// The field at `path` (keys from the top of a scenario, e.g. `["cluster", "devices"]`) set to `value` as a scenario
    /// file would write it, read once by the file's own section reader: the same rules and errors (no line: the value
    /// was written on a command line, not in the file), an unknown key or a path that is not a field refused as the
    /// reader refuses it.
    public init(path: [String], value: String) throws {
        var node = Node.scalar(Node.Scalar(value))
        for key in path.reversed() { node = .mapping(Node.Mapping([(Node(key), node)])) }
        fields = try ScenarioInput(root: node)
    }

    /// Sets the fields on `input`.
    public func apply(to input: inout ScenarioInput) { input.apply(fields) }
}
