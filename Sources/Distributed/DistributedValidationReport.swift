/// Predicted against measured data-parallel iterations, in the manner of `gansim validate`.
public struct DistributedValidationReport: Sendable, Codable {
    /// One configuration.
    public struct Configuration: Sendable, Codable {
        public var label: String
        public var run: DistributedRunConfiguration
        public var predictedStepSeconds: Double
        public var measuredStepSeconds: Double
        /// `predicted / measured - 1`.
        public var stepTimeError: Double
        /// Simulated exposed communication and waiting per iteration, in seconds.
        public var predictedCommunicationSeconds: Double
        /// Measured communication and waiting per iteration (mean over ranks of the medians), in seconds.
        public var measuredCommunicationSeconds: Double
        public var predictedComputeSeconds: Double
        /// Measured compute per iteration (mean over ranks of the medians), in seconds.
        public var measuredComputeSeconds: Double
    }

    /// Aggregate errors, as fractions (0.05 = 5%).
    public struct Summary: Sendable, Codable {
        public var configurations: Int
        public var stepTimeMAPE: Double
        public var stepTimeMaxError: Double
        /// Mean of `|predicted / measured - 1|` of communication plus waiting.
        public var communicationMAPE: Double
    }

    /// The device profile's name.
    public var profile: String
    /// The machine's transports and core sharing the predictions used (measured apart from the runs).
    public var machine: DistributedMachine
    public var configurations: [Configuration]
    public var summary: Summary
}
