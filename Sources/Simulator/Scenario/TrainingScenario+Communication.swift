import Workload
import InputParsing

extension TrainingScenario {
    /// The `communication` section: the gradient all-reduce's algorithm (`auto`: ring in one server,
    /// hierarchical-tree across servers, torus on tori), bucket size (the architecture's default) and chunks.
    static func communication(_ section: ScenarioInput.Communication?, topology: Topology, devices: Int, architecture: Architecture)
        -> (algorithm: CollectiveAlgorithm, bucketBytes: Double, chunks: Int) {
        let automatic: CollectiveAlgorithm = topology.torusDimensions.isEmpty
            ? (topology.machinesUsed(byFirst: devices).count > 1 ? .hierarchicalTree : .ring) : .torus
        return ((section?.algorithm ?? nil) ?? automatic, section?.bucket ?? TrainingPlan.defaultBucketBytes(for: architecture),
                section?.chunks ?? 1)
    }

    /// The `mode` section: synchronous or bounded-staleness updates, and G and D on separate device groups
    /// (checked by `TrainingPlan.checkGroups`).
    static func mode(_ section: ScenarioInput.Mode?, devices: Int, in input: ScenarioInput) throws -> (mode: TrainingMode, generatorDevices: Int?) {
        guard let section else { return (.synchronous, nil) }
        do { try TrainingPlan.checkGroups(generatorDevices: section.generatorDevices, devices: devices, mode: section.mode) } catch let error as ConfigurationError {
            let key = String(error.field.split(separator: ".").last ?? "")
            throw input.locate(error, section: "mode", key: key)
        }
        return (section.mode, section.generatorDevices)
    }
}
