import Simulator
import Workload

/// One configuration the planner searches: a cluster kind, a device count, the fabric between servers, the batch
/// split and the precision.
public struct PlanCandidate: Sendable, Hashable {
    /// The cluster kind.
    public var family: ClusterFamily
    public var devices: Int
    /// The fabric between servers; nil within one server or on a TPU pod.
    public var fabric: FabricKind?
    public var batchPerDevice: Int
    public var accumulation: Int
    public var precision: Precision

    /// The point of the sweep behind the plan: its labels in `Planner.axes` order (the CSV's columns) and the scenario
    /// fields it sets, the run's `length` among them.
    func point(length: ScenarioInput.Training) -> SweepPoint {
        var cluster = ScenarioInput.Cluster()
        cluster.topology = family.topology
        cluster.device = family.device
        cluster.devices = devices
        cluster.fabric = fabric
        var recipe = ScenarioInput.Recipe()
        recipe.batchPerDevice = batchPerDevice
        recipe.accumulation = accumulation
        recipe.precision = precision
        var fields = ScenarioInput()
        fields.cluster = cluster
        fields.recipe = recipe
        fields.training = length
        return SweepPoint(
            labels: [family.label, String(devices), fabric?.rawValue ?? "-", String(batchPerDevice), String(accumulation), precision.rawValue],
            assignments: [ScenarioAssignment(fields)])
    }
}
