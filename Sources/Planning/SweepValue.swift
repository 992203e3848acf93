/// One value of a sweep axis as the command line gives it: a label and the scenario fields it sets, as text.
public struct SweepValue: Sendable, Hashable, Codable {
    /// How the value is shown in tables and the CSV, e.g. `64`.
    public var label: String
    /// The fields it sets; `SweepGrid` reads each once into a typed `ScenarioAssignment`.
    public var assignments: [Assignment]

    public init(label: String, assignments: [Assignment]) {
        self.label = label
        self.assignments = assignments
    }
}
