import InputParsing
extension TopologySpec {
    /// The topology fields of the scenario's `cluster` section (`topology`, `devices`, link figures, `fabric`, the
    /// leaf-spine knobs, `torus`); errors name the field, value and line.
    init(section cluster: inout ScenarioYAMLSection) throws {
        let kind = try cluster.choice("topology", TopologyKind.self) ?? .dgx1
        guard let devices = try cluster.int("devices", minimum: 1) else {
            throw cluster.locate(ConfigurationError(field: "devices", value: "", reason: "give the number of devices"), key: "devices")
        }
        self.init(kind: kind, devices: devices)
        bandwidthBytesPerSecond = try cluster.parsed("bandwidth", UnitParser.bytesPerSecond)
        latencySeconds = try cluster.parsed("latency", UnitParser.seconds)
        fabric = try cluster.choice("fabric", FabricKind.self)
        serversPerLeaf = try cluster.int("serversPerLeaf", minimum: 1) ?? serversPerLeaf
        oversubscription = try cluster.double("oversubscription", minimum: 1) ?? oversubscription
        if let torus = try cluster.string("torus") {
            do { torusDimensions = try TopologySpec.torusDimensions(parsing: torus, field: "torus") } catch let error as ConfigurationError {
                throw cluster.locate(error, key: "torus")
            }
        }
    }
}
