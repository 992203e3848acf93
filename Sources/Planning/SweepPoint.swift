import Simulator

/// One point of a sweep: its value on every axis and the typed fields they set.
public struct SweepPoint: Sendable {
    /// The label of each axis's value, in axis order.
    public var labels: [String]
    /// The fields to set, in axis order.
    public var assignments: [ScenarioAssignment]

    public init(labels: [String], assignments: [ScenarioAssignment]) {
        self.labels = labels
        self.assignments = assignments
    }
}
