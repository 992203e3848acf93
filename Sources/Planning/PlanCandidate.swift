/// One configuration the planner searches: a cluster kind, a device count, the fabric between servers, the batch
/// split and the precision.
public struct PlanCandidate: Sendable, Hashable {
    /// The cluster kind.
    public var family: ClusterFamily
    public var devices: Int
    /// The fabric between servers; nil within one server or on a TPU pod.
    public var fabric: String?
    public var batchPerDevice: Int
    public var accumulation: Int
    public var precision: String

    /// The point of the sweep behind the plan: its labels in `Planner.axes` order (the CSV's columns) and the scenario
    /// fields it sets, the run's length `length` among them.
    func point(length: [Assignment]) -> SweepPoint {
        var set = [
            Assignment(path: ["cluster", "topology"], value: family.topology),
            Assignment(path: ["cluster", "device"], value: family.device),
            Assignment(path: ["cluster", "devices"], value: String(devices)),
            Assignment(path: ["recipe", "batchPerDevice"], value: String(batchPerDevice)),
            Assignment(path: ["recipe", "accumulation"], value: String(accumulation)),
            Assignment(path: ["recipe", "precision"], value: precision),
        ]
        if let fabric { set.append(Assignment(path: ["cluster", "fabric"], value: fabric)) }
        return SweepPoint(
            labels: [family.label, String(devices), fabric ?? "-", String(batchPerDevice), String(accumulation), precision],
            assignments: set + length)
    }
}
