/// Predicted against measured step time and memory for every validation configuration.
public struct ValidationReport: Sendable, Codable {
    /// One configuration.
    public struct Configuration: Sendable, Codable {
        public var label: String
        /// The CPU run, when gansim's own trainer measured it.
        public var run: RunConfiguration?
        /// The measurement record (`FILE:LINE`), when the step was timed elsewhere.
        public var source: String?
        public var predictedStepSeconds: Double
        public var measuredStepSeconds: Double
        /// `predicted / measured - 1`.
        public var stepTimeError: Double
        public var predictedPeakBytes: Int
        public var measuredPeakBytes: Int
        /// `predicted / measured - 1`; nil when the peak was not measured.
        public var memoryError: Double?

        /// A row with its errors computed; `measuredPeakBytes` nil when the peak was not measured.
        public init(label: String, run: RunConfiguration?, source: String?, predictedStepSeconds: Double,
                    measuredStepSeconds: Double, predictedPeakBytes: Int, measuredPeakBytes: Int?) {
            self.label = label
            self.run = run
            self.source = source
            self.predictedStepSeconds = predictedStepSeconds
            self.measuredStepSeconds = measuredStepSeconds
            stepTimeError = predictedStepSeconds / measuredStepSeconds - 1
            self.predictedPeakBytes = predictedPeakBytes
            self.measuredPeakBytes = measuredPeakBytes ?? 0
            memoryError = measuredPeakBytes.map { Double(predictedPeakBytes) / Double(max(1, $0)) - 1 }
        }
    }

    /// Aggregate errors, as fractions (0.05 = 5%).
    public struct Summary: Sendable, Codable {
        public var configurations: Int
        public var stepTimeMAPE: Double
        public var stepTimeMaxError: Double
        /// Over the configurations whose peak memory was measured.
        public var memoryMAPE: Double
        /// Configurations whose peak memory was measured.
        public var memoryConfigurations: Int
    }

    public var profile: String
    /// How the measured steps were taken (e.g. the fastest step of 5 interleaved rounds of
    /// CPU runs); nil where the measurements came as they are.
    public var measurement: String?
    public var configurations: [Configuration]
    public var summary: Summary

    /// The report of `configurations`, with its summary computed from them.
    public init(profile: String, measurement: String? = nil, configurations: [Configuration]) {
        self.profile = profile
        self.measurement = measurement
        self.configurations = configurations
        let n = Double(max(1, configurations.count))
        let memory = configurations.compactMap(\.memoryError)
        summary = Summary(
            configurations: configurations.count,
            stepTimeMAPE: configurations.reduce(0) { $0 + abs($1.stepTimeError) } / n,
            stepTimeMaxError: configurations.map { abs($0.stepTimeError) }.max() ?? 0,
            memoryMAPE: memory.reduce(0) { $0 + abs($1) } / Double(max(1, memory.count)),
            memoryConfigurations: memory.count)
    }
}
