import CostModel
import Workload
import InputParsing

extension TrainingPlan {
    /// The one check of a plan before it is simulated or estimated; errors name the scenario field.
    ///
    /// - Parameter topology: also check every link of the topology (false where the topology came from a
    ///   `ScenarioCache`, which built it from a checked spec, so that sweep points do not walk its links again).
    func validate(topology checkTopology: Bool = true) throws {
        guard iterations >= 1 else {
            throw ConfigurationError(field: "simulate.iterations", value: "\(iterations)", reason: "simulate at least one iteration")
        }
        guard bucketBytes > 0, bucketBytes.isFinite else {
            throw ConfigurationError(field: "communication.bucket", value: "\(bucketBytes)", reason: "bucket size must be positive")
        }
        if checkTopology { try topology.validate() }
        if case .asynchronous(let staleness) = mode, staleness < 1 {
            throw ConfigurationError(field: "mode.staleness", value: "\(staleness)", reason: "asynchronous updates need a staleness of at least 1 step")
        }
        try Self.checkGroups(generatorDevices: generatorDevices, devices: devices, mode: mode)
        do { try WorkloadLimits.check(recipe) } catch {
            if case .invalid(let field, let value, _) = error { throw ConfigurationError(field: "recipe.\(field)", value: value, reason: "\(error)") }
            throw ConfigurationError(field: "recipe", value: "", reason: "\(error)")
        }
        do { try IterationEstimator.check(model: model, recipe: recipe, device: device) } catch {
            switch error {
            case .unsupported(let field, let value, _), .invalid(let field, let value, _):
                throw ConfigurationError(field: field == "architecture" ? "model.architecture" : "recipe.\(field)", value: value, reason: "\(error)")
            default:
                throw ConfigurationError(field: "recipe", value: "", reason: "\(error)")
            }
        }
    }

    /// The most devices a plan with separate G and D groups has.
    static let maximumSplitDevices = 4096

    /// The rule for G and D on separate device groups: each group has at least one of the `devices` devices, and updates
    /// are synchronous. Errors name the `mode` field.
    static func checkGroups(generatorDevices: Int?, devices: Int, mode: TrainingMode) throws {
        guard let generatorDevices else { return }
        guard generatorDevices >= 1, generatorDevices < devices else {
            throw ConfigurationError(
                field: "mode.generatorDevices", value: "\(generatorDevices)",
                reason: "G and D each need at least one device: give 1 to \(devices - 1) of the \(devices) devices to G")
        }
        if case .asynchronous = mode {
            throw ConfigurationError(field: "mode.kind", value: "asynchronous", reason: "separate G and D groups are simulated with synchronous updates only")
        }
        // The products crossing between the groups and their routes grow with the product of the group sizes.
        guard devices <= maximumSplitDevices else {
            throw ConfigurationError(
                field: "mode.generatorDevices", value: "\(generatorDevices)",
                reason: "separate G and D groups are simulated on clusters of up to \(maximumSplitDevices) devices, not \(devices); drop mode.generatorDevices or use fewer devices")
        }
    }

    /// Seconds between batches a device's pipeline delivers: its slowest stage (storage share, decode, host-to-device copy).
    ///
    /// `hostCopyBytesPerSecond` is the bottleneck bandwidth from the first host to the first
    /// device, when the caller has it cached (it depends on the topology only).
    func batchIntervalSeconds(hostCopyBytesPerSecond: Double?? = nil) throws -> Double {
        for (field, value) in [("data.storageBandwidth", data.storageBytesPerSecond), ("data.bytesPerSample", data.encodedBytesPerSample),
                               ("data.decodeRatePerCore", data.decodeSamplesPerSecondPerCore)] where !(value > 0) || !value.isFinite {
            throw ConfigurationError(field: field, value: "\(value)", reason: "must be a positive finite number")
        }
        guard data.prefetchBatches >= 1 else {
            throw ConfigurationError(field: "data.prefetch", value: "\(data.prefetchBatches)", reason: "prefetch at least one batch")
        }
        let machinesUsed = topology.machinesUsed(byFirst: devices)
        let devicesPerMachine = Double(devices) / Double(machinesUsed.count)
        let machine = topology.machines.isEmpty ? nil : topology.machines[topology.machine(ofRank: 0)]
        let cores = Double(data.decodeCores ?? max(1, machine?.cpuCores ?? 1))
        let storageSamplesPerSecond = data.storageBytesPerSecond / Double(machinesUsed.count) / data.encodedBytesPerSample / devicesPerMachine
        let decodeSamplesPerSecond = cores * data.decodeSamplesPerSecondPerCore / devicesPerMachine
        var copySamplesPerSecond = Double.infinity
        if let copy = try hostCopyBytesPerSecond ?? Self.hostCopyBandwidth(topology) {
            copySamplesPerSecond = copy / Double(model.sampleShape.elementCount * 4)
        }
        let samplesPerSecond = min(storageSamplesPerSecond, decodeSamplesPerSecond, copySamplesPerSecond)
        return Double(recipe.batchPerDevice) / samplesPerSecond
    }

    /// Bottleneck bandwidth from the first host to the first device (nil without hosts), in bytes per second.
    static func hostCopyBandwidth(_ topology: Topology) throws -> Double? {
        let machine = topology.machines.isEmpty ? nil : topology.machines[topology.machine(ofRank: 0)]
        guard let host = machine?.hostNodes.first else { return nil }
        var routes = RouteTable(topology: topology)
        let route = Int(try routes.route(from: host, to: topology.devices[0]))
        return routes.bottleneckBytesPerSecond[route]
    }
}
