import InputParsing
extension TopologySpec {
    /// The topology the scenario's `cluster` section describes (`topology`, `devices`, link figures, `fabric`, the
    /// leaf-spine knobs, `torus`); errors name the field, value and line.
    init(section cluster: ScenarioInput.Cluster, in input: ScenarioInput) throws {
        guard let devices = cluster.devices else {
            throw input.locate(ConfigurationError(field: "devices", value: "", reason: "give the number of devices"), section: "cluster", key: "devices")
        }
        self.init(kind: cluster.topology ?? .dgx1, devices: devices)
        bandwidthBytesPerSecond = cluster.bandwidth
        latencySeconds = cluster.latency
        fabric = cluster.fabric
        serversPerLeaf = cluster.serversPerLeaf ?? serversPerLeaf
        oversubscription = cluster.oversubscription ?? oversubscription
        torusDimensions = cluster.torus ?? torusDimensions
    }
}
