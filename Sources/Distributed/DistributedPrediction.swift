import CostModel
import Workload
import Simulator

/// The simulator's prediction of one data-parallel iteration on this machine: the
/// RealRunner's recipe per rank, the (calibrated) CPU profile restricted to each rank's
/// threads, and the ranks joined in a ring whose links carry the fitted transport's message regimes.
public struct DistributedPrediction: Codable, Sendable, Hashable {
    /// Predicted seconds per iteration: the simulated iteration, which includes the profile's
    /// per-iteration host overhead (what calibration fits beyond the ops).
    public var stepSeconds: Double
    /// Simulated compute seconds per iteration (forward, backward, optimizer).
    public var computeSeconds: Double
    /// Simulated exposed communication plus waiting per iteration.
    public var communicationSeconds: Double
    /// The profile's per-iteration host overhead (fixed and per input element) included in `stepSeconds`.
    public var overheadSeconds: Double

    /// Simulates `config` (iterations after the first are the steady state).
    ///
    /// - Throws: the simulator's `ConfigurationError` or the model's `ModelError`.
    public static func predict(_ config: DistributedRunConfiguration, profile: DeviceProfile,
                               transport: TransportRegimeFit, coRunningEfficiency: Double) throws -> DistributedPrediction {
        let options = config.rankOptions
        let model = try options.modelConfig.build()
        let device = profile.sharingMachine(processes: config.ranks, threadsEach: config.threadsPerRank,
                                            coRunningEfficiency: coRunningEfficiency)
        let topology = Topologies.ring(devices: config.ranks, link: transport.link)
        try topology.validate()
        // Data comes from memory (ring, shapes): a pipeline that never stalls.
        let data = DataPipelineSpec(storageBytesPerSecond: 1e18, encodedBytesPerSample: 1, decodeSamplesPerSecondPerCore: 1e18)
        var plan = TrainingPlan(model: model, recipe: options.recipe, device: device, topology: topology,
                                devices: config.ranks, algorithm: .ring, bucketBytes: Double(config.bucketBytes),
                                data: data, iterations: 4, seed: 1)
        // Each rank's thread advances its MPI messages and adds the received chunks between ops.
        plan.reductionsUseComputeThread = true
        let result = try TrainingSimulation(plan: plan).run(name: config.label, totalIterations: 1)
        let overhead = SegmentPricer(model: model, recipe: options.recipe, device: device).iterationOverheadSeconds
        return DistributedPrediction(
            stepSeconds: result.iterationSeconds, computeSeconds: result.breakdown.computeSeconds,
            communicationSeconds: result.breakdown.exposedCommunicationSeconds + result.breakdown.idleSeconds,
            overheadSeconds: overhead)
    }
}
