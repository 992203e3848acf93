/// Failures, checkpoints and restarts of a long run: the scenario's `reliability` section.
public struct ReliabilitySpec: Sendable, Equatable {
    /// How often the cluster's parts interrupt the job.
    public var rates: FailureRates
    /// Seconds from a failure until the job is known to have stopped.
    public var detectSeconds: Double
    /// Seconds to replace the failed part and start the job again, before it reads its checkpoint.
    public var restartSeconds: Double
    /// How often the run checkpoints.
    public var interval: CheckpointInterval
    /// Synchronous or asynchronous checkpoints.
    public var mode: CheckpointMode
    /// Bandwidth of the storage checkpoints are written to and read from, in bytes per second; nil: the data
    /// pipeline's storage bandwidth (`DataPipelineSpec.storageBytesPerSecond`).
    public var storageBytesPerSecond: Double?

    /// Assumed: 10 minutes from a failure to the job's stop. A dead process stops a job at once, but a peer that
    /// hangs is found by the collective library's watchdog, whose default timeout in PyTorch is 10 minutes
    /// (`ProcessGroupNCCL`'s default `timeout`); not a published statistic.
    public static let defaultDetectSeconds = 600.0
    /// Assumed: 10 minutes to replace a server and start the job's processes and communicators again (scheduler
    /// requeue, container start, NCCL initialisation at scale); not a published statistic.
    public static let defaultRestartSeconds = 600.0

    /// The defaults: the Llama 3 failure rates (`FailureRates.llama3`), the assumed detection and restart times,
    /// synchronous checkpoints at the Young–Daly interval on the data pipeline's storage.
    public init(
        rates: FailureRates = .llama3, detectSeconds: Double = ReliabilitySpec.defaultDetectSeconds,
        restartSeconds: Double = ReliabilitySpec.defaultRestartSeconds, interval: CheckpointInterval = .youngDaly,
        mode: CheckpointMode = .sync, storageBytesPerSecond: Double? = nil
    ) {
        self.rates = rates
        self.detectSeconds = detectSeconds
        self.restartSeconds = restartSeconds
        self.interval = interval
        self.mode = mode
        self.storageBytesPerSecond = storageBytesPerSecond
    }
}
