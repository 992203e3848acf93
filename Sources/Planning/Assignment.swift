/// One scenario field set to one value as text, as a sweep's `--vary` gives it: a YAML path (`cluster.devices`) and the scalar.
public struct Assignment: Sendable, Hashable, Codable {
    /// Keys from the top of the scenario, e.g. `["cluster", "devices"]`.
    public var path: [String]
    /// The value as it would be written in the YAML file.
    public var value: String

    public init(path: [String], value: String) {
        self.path = path
        self.value = value
    }

    /// The dotted path, e.g. `cluster.devices`.
    public var field: String { path.joined(separator: ".") }
}
