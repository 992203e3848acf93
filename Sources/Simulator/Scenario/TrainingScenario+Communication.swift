import Workload
import InputParsing

extension TrainingScenario {
    /// The `communication` section: the gradient all-reduce's algorithm, bucket size (the architecture's default) and
    /// chunks.
    ///
    /// `auto` (or no algorithm) follows NCCL, whose tuner times every algorithm for each call's size and runs the
    /// fastest (`src/graph/tuning.cc`, `ncclTopoGetAlgoTime`): across servers each bucket runs whichever of
    /// hierarchical-tree (a tree across servers: latency growing with their logarithm, for small buckets) and
    /// hierarchical (a ring across servers: every link's full bandwidth, for large ones) is faster for its size; a
    /// ring in one server; torus on tori. A named algorithm runs every bucket.
    static func communication(_ section: ScenarioInput.Communication?, topology: Topology, devices: Int, architecture: Architecture)
        -> (algorithm: CollectiveAlgorithm, alternative: CollectiveAlgorithm?, bucketBytes: Double, chunks: Int) {
        let bucketBytes = section?.bucket ?? TrainingPlan.defaultBucketBytes(for: architecture), chunks = section?.chunks ?? 1
        if let named = section?.algorithm ?? nil { return (named, nil, bucketBytes, chunks) }
        if !topology.torusDimensions.isEmpty { return (.torus, nil, bucketBytes, chunks) }
        if topology.machinesUsed(byFirst: devices).count > 1 { return (.hierarchicalTree, .hierarchical, bucketBytes, chunks) }
        return (.ring, nil, bucketBytes, chunks)
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
