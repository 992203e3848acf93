/// Predicted against measured step time and memory for every validation configuration.
public struct ValidationReport: Sendable, Codable {
    /// One configuration.
    public struct Configuration: Sendable, Codable {
        public var label: String
        public var run: RunConfiguration
        public var predictedStepSeconds: Double
        public var measuredStepSeconds: Double
        /// `predicted / measured - 1`.
        public var stepTimeError: Double
        public var predictedPeakBytes: Int
        public var measuredPeakBytes: Int
        public var memoryError: Double
    }

    /// Aggregate errors, as fractions (0.05 = 5%).
    public struct Summary: Sendable, Codable {
        public var configurations: Int
        public var stepTimeMAPE: Double
        public var stepTimeMaxError: Double
        public var memoryMAPE: Double
    }

    public var profile: String
    public var configurations: [Configuration]
    public var summary: Summary
}
