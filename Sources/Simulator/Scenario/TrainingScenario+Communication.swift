import Workload
import InputParsing

extension TrainingScenario {
    /// The `communication` section: the gradient all-reduce's algorithm (`auto`: ring in one server,
    /// hierarchical-tree across servers, torus on tori), bucket size (the architecture's default) and chunks.
    static func communication(in top: inout ScenarioYAMLSection, topology: Topology, devices: Int, architecture: Architecture)
        throws -> (algorithm: CollectiveAlgorithm, bucketBytes: Double, chunks: Int) {
        var algorithm: CollectiveAlgorithm = topology.torusDimensions.isEmpty
            ? (topology.machinesUsed(byFirst: devices).count > 1 ? .hierarchicalTree : .ring) : .torus
        var bucketBytes = TrainingPlan.defaultBucketBytes(for: architecture)
        var chunks = 1
        if var section = try top.section("communication") {
            if let name = try section.string("algorithm"), name != "auto" {
                guard let chosen = CollectiveAlgorithm(rawValue: name) else {
                    throw section.locate(ConfigurationError(
                        field: "algorithm", value: name,
                        reason: "expected auto or one of \(CollectiveAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))"), key: "algorithm")
                }
                algorithm = chosen
            }
            bucketBytes = try section.parsed("bucket", UnitParser.bytes) ?? bucketBytes
            chunks = try section.int("chunks", minimum: 1) ?? chunks
            try section.finish()
        }
        return (algorithm, bucketBytes, chunks)
    }

    /// The `mode` section: synchronous or bounded-staleness updates, and G and D on separate device groups
    /// (checked by `TrainingPlan.checkGroups`).
    static func mode(in top: inout ScenarioYAMLSection, devices: Int) throws -> (mode: TrainingMode, generatorDevices: Int?) {
        guard var section = try top.section("mode") else { return (.synchronous, nil) }
        let kindName = try section.string("kind") ?? "synchronous"
        let staleness = try section.int("staleness", minimum: 1) ?? 1
        let generatorDevices = try section.int("generatorDevices", minimum: 1)
        let mode: TrainingMode
        switch kindName {
        case "synchronous": mode = .synchronous
        case "asynchronous": mode = .asynchronous(staleness: staleness)
        default:
            throw section.locate(ConfigurationError(field: "kind", value: kindName, reason: "expected synchronous or asynchronous"), key: "kind")
        }
        do { try TrainingPlan.checkGroups(generatorDevices: generatorDevices, devices: devices, mode: mode) } catch let error as ConfigurationError {
            let key = String(error.field.split(separator: ".").last ?? "")
            throw section.locate(error, key: key)
        }
        try section.finish()
        return (mode, generatorDevices)
    }
}
