/// One point of a sweep: its value on every axis and the scenario fields they set.
public struct SweepPoint: Sendable, Hashable, Codable {
    /// The label of each axis's value, in axis order.
    public var labels: [String]
    /// The fields to set, in axis order.
    public var assignments: [Assignment]

    public init(labels: [String], assignments: [Assignment]) {
        self.labels = labels
        self.assignments = assignments
    }
}
