import InputParsing

extension ScenarioInput {
    /// The `cluster` section as written: the topology's fields, the device and its calibrated profile, the host CPU.
    public struct Cluster: ScenarioInputSection {
        /// nil: a DGX-1.
        public var topology: TopologyKind?
        /// Required.
        public var devices: Int?
        public var bandwidth: Double?
        public var latency: Double?
        public var fabric: FabricKind?
        public var serversPerLeaf: Int?
        public var oversubscription: Double?
        public var torus: [Int]?
        /// A device catalog name (nil: the server's or TPU's own).
        public var device: String?
        /// A calibrated profile file of that device (relative to the scenario file's folder).
        public var profile: String?
        /// A host CPU name (nil: the server's).
        public var host: String?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section cluster: inout ScenarioYAMLSection) throws {
            topology = try cluster.choice("topology", TopologyKind.self)
            devices = try cluster.int("devices")
            bandwidth = try cluster.parsed("bandwidth", UnitParser.parseBytesPerSecond)
            latency = try cluster.parsed("latency", UnitParser.parseSeconds)
            fabric = try cluster.choice("fabric", FabricKind.self)
            serversPerLeaf = try cluster.int("serversPerLeaf")
            oversubscription = try cluster.double("oversubscription")
            if let text = try cluster.string("torus") {
                do { torus = try TopologySpec.torusDimensions(reading: text, field: "torus") } catch let error as ConfigurationError {
                    throw cluster.locate(error, key: "torus")
                }
            }
            device = try cluster.string("device")
            profile = try cluster.string("profile")
            host = try cluster.string("host")
            try cluster.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(devices, "cluster.devices", minimum: 1)
            try input.check(bandwidth, "cluster.bandwidth", UnitParser.bandwidth)
            try input.check(latency, "cluster.latency", UnitParser.duration)
            try input.check(torus, "cluster.torus", TopologySpec.checkTorus)
            try input.check(serversPerLeaf, "cluster.serversPerLeaf", minimum: 1)
            try input.check(oversubscription, "cluster.oversubscription", minimum: 1)
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.topology, "topology", from: other, into: &keys)
            take(\.devices, "devices", from: other, into: &keys)
            take(\.bandwidth, "bandwidth", from: other, into: &keys)
            take(\.latency, "latency", from: other, into: &keys)
            take(\.fabric, "fabric", from: other, into: &keys)
            take(\.serversPerLeaf, "serversPerLeaf", from: other, into: &keys)
            take(\.oversubscription, "oversubscription", from: other, into: &keys)
            take(\.torus, "torus", from: other, into: &keys)
            take(\.device, "device", from: other, into: &keys)
            take(\.profile, "profile", from: other, into: &keys)
            take(\.host, "host", from: other, into: &keys)
            return keys
        }
    }
}
