import CostModel
import Distributed
import Workload
import Simulator
import InputParsing

/// The simulator's prediction of one data-parallel iteration on this machine: the RealRunner's recipe per rank, the
/// (calibrated) CPU profile at the machine's measured speed (`DistributedMachine.measuredProfile`) on each rank's
/// threads as it shares the machine with the other ranks, the ranks joined in a ring whose links carry the
/// transport's message regimes measured at that rank count (with the caches evicted, for the share of the state
/// beyond a core's own cache), reductions advanced by the ranks' own threads, each
/// rank's compute as noisy as the trainer's steps side by side (in proportion to the step, or where ranks take turns on
/// a core, as the square root of its compute) and the ranks as unequal in speed as a job's ranks were, and the
/// losses' average.
public struct DistributedPrediction: Codable, Sendable, Hashable {
    /// Predicted seconds per iteration: the simulated iteration, which includes the profile's
    /// per-iteration host overhead (what calibration fits beyond the ops).
    public var stepSeconds: Double
    /// Compute seconds per iteration (forward, backward, optimizer) as a rank's own timers count them: the simulated
    /// compute, less the core-mates' turns that fall into its waiting when ranks outnumber the cores
    /// (`CoRunningCalibration.timedComputeSeconds`).
    public var computeSeconds: Double
    /// Seconds per iteration a rank does not compute, as a run reports it: the ranks' mean of their median simulated
    /// time not computing (`medianWaitingSeconds`), the losses' average, and the core-mates' turns left out of compute.
    public var communicationSeconds: Double
    /// The profile's per-iteration host overhead (fixed and per input element) included in `stepSeconds`.
    public var overheadSeconds: Double
    /// What the reductions cost a step, in seconds per iteration: the simulated exposed communication of the same run
    /// without the ranks' jitter and speed spread, the losses' average apart (what a run's last rank to end its
    /// backward times, `DistributedTrainResult.exposedReductionSeconds`); nil unless asked for.
    public var exposedReductionSeconds: Double?

    /// Iterations after the first whose mean is the prediction: enough for the ranks' compute noise to average out.
    static let steadyIterations = 40

    /// Simulates the data-parallel run `config` (iterations after the first are the steady state), and where
    /// `exposingReductions`, the same run without jitter for `exposedReductionSeconds`.
    ///
    /// - Throws: the simulator's `ConfigurationError`, the model's `ModelError`, or `MPIError.invalidOption` for a
    ///   single-process run or a rank count `machine` did not measure.
    public static func predict(_ config: RunConfiguration, profile: DeviceProfile,
                               machine: DistributedMachine, exposingReductions: Bool = false) throws -> DistributedPrediction {
        guard let parallel = config.dataParallel else {
            throw MPIError.invalidOption(field: "ranks", value: config.label, expected: "a data-parallel run")
        }
        let model = try config.modelConfig.build()
        let sharing = parallel.ranks > 1 ? try machine.sharing(ranks: parallel.ranks, threads: config.threads) : nil
        let device = machine.measuredProfile(profile).sharingMachine(
            processes: parallel.ranks, threadsEach: config.threads, coRunningEfficiency: sharing?.efficiency ?? 1,
            splitSlowdown: sharing?.splitSlowdown ?? 1, convolutionSplitSlowdown: sharing?.convolutionSplitSlowdown)
        let pricer = SegmentPricer(model: model, recipe: config.recipe, device: device)
        // A state beyond the core's own cache evicts the buckets' reductions' buffers between two of them: the rank's
        // thread streams the state through it every step, and what the last-level cache keeps does not spare the
        // reductions comm-bench's evicted regimes (the runs' exposed reductions, docs/communication-measurements.md).
        let evicted = device.privateCacheBytes.map { pricer.stateShare(beyond: $0) } ?? pricer.streamedStateShare
        let transport = try machine.transport(ranks: parallel.ranks, algorithm: parallel.allreduce, evictedShare: evicted)
        let topology = Topologies.ring(devices: parallel.ranks, link: transport.link)
        try topology.validate()
        // Data comes from memory (ring, shapes): a pipeline that never stalls.
        let data = DataPipelineSpec(storageBytesPerSecond: 1e18, encodedBytesPerSample: 1, decodeSamplesPerSecondPerCore: 1e18)
        var plan = TrainingPlan(model: model, recipe: config.recipe, device: device, topology: topology,
                                devices: parallel.ranks, algorithm: .ring, bucketBytes: Double(parallel.bucketBytes),
                                data: data, iterations: steadyIterations + 1, seed: 1)
        plan.jitter = JitterSpec(coefficientOfVariation: sharing?.stepCoefficientOfVariation ?? 0,
                                 deviceCoefficientOfVariation: sharing?.rankSpeedCoefficientOfVariation ?? 0,
                                 interruptionSeconds: sharing?.interruptionSeconds ?? 0)
        // Each rank's thread advances its MPI messages and adds the received chunks between ops.
        plan.reductionsUseComputeThread = true
        let simulation = try TrainingSimulation(plan: plan)
        let result = try simulation.run(name: config.label, totalIterations: 1)
        var exposed: Double?
        if exposingReductions {
            var quiet = plan
            quiet.jitter = JitterSpec()
            exposed = try TrainingSimulation(plan: quiet).run(name: config.label, totalIterations: 1)
                .breakdown.exposedCommunicationSeconds
        }
        let overhead = pricer.iterationOverheadSeconds
        // The trainer averages D's and G's losses over the ranks once per iteration: MPI_Allreduce of two doubles.
        let lossAverage = parallel.ranks > 1
            ? try machine.transport(ranks: parallel.ranks, algorithm: .mpi, evictedShare: evicted).predictedSeconds(bytes: 16) : 0
        let simulated = result.breakdown.computeSeconds
        let timed = sharing.map { sharing in
            sharing.timedComputeSeconds(simulatedSeconds: simulated, ranksPerCore: profile.processesPerCore(parallel.ranks))
        } ?? simulated
        return DistributedPrediction(
            stepSeconds: result.iterationSeconds + lossAverage, computeSeconds: timed,
            communicationSeconds: medianWaitingSeconds(simulation.records) + lossAverage + (simulated - timed),
            overheadSeconds: overhead, exposedReductionSeconds: exposed)
    }

    /// The ranks' mean of each one's median over the steady iterations of `records` (all but the first) of its time not
    /// computing: what a run measures (`MeasuredRun(dataParallel:)`, the mean over the ranks of their median
    /// communication plus their median waiting, the same statistic where a rank's communication per step is constant;
    /// the records keep a device's time not computing as one figure). A rank waits in a synchronisation only when it
    /// was the faster one, so its waiting per step has a long tail, and its median is mostly well below its mean.
    static func medianWaitingSeconds(_ records: [IterationRecord]) -> Double {
        let steady = IterationRecord.steady(records)
        guard let devices = steady.first?.deviceWaitingSeconds.indices, !devices.isEmpty else { return 0 }
        return devices.reduce(0) { sum, device in
            sum + RunnerCalibration.median(steady.map { $0.deviceWaitingSeconds[device] })
        } / Double(devices.count)
    }
}
