/// One value of a sweep axis: a label and the scenario fields it sets (one for `--vary`, several for a planner's cluster choice).
public struct SweepValue: Sendable, Hashable, Codable {
    /// How the value is shown in tables and the CSV, e.g. `64` or `dgx-a100 (a100-80gb, hdr)`.
    public var label: String
    /// The fields it sets.
    public var assignments: [Assignment]

    public init(label: String, assignments: [Assignment]) {
        self.label = label
        self.assignments = assignments
    }
}
