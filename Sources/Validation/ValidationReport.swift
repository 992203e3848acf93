/// Predicted against measured step time of every configuration of a validation, with memory or, for data-parallel
/// runs, communication and compute where they are compared: the one report of CPU, MPI, measured-step and
/// published-run validation.
///
/// A column a validation does not compare is nil and left out of the JSON, so that each validation's report carries
/// only its own columns.
public struct ValidationReport: Sendable, Codable {
    /// One configuration.
    public struct Configuration: Sendable, Codable {
        public var label: String
        /// The run, when gansim's own trainer measured it (in one process or over MPI).
        public var run: RunConfiguration?
        /// The measurement record (`FILE:LINE`), when the step was timed elsewhere.
        public var source: String?
        public var predictedStepSeconds: Double
        public var measuredStepSeconds: Double
        /// `predicted / measured - 1`.
        public var stepTimeError: Double
        /// Predicted peak bytes; nil where memory is not compared (data-parallel runs).
        public var predictedPeakBytes: Int?
        /// Measured peak bytes, 0 when the peak was not measured; nil where memory is not compared.
        public var measuredPeakBytes: Int?
        /// `predicted / measured - 1`; nil when the peak was not measured or memory is not compared.
        public var memoryError: Double?
        /// Data-parallel runs: simulated exposed communication and waiting per iteration, in seconds.
        public var predictedCommunicationSeconds: Double?
        /// Data-parallel runs: measured communication and waiting per iteration (mean over ranks of the medians), in
        /// seconds.
        public var measuredCommunicationSeconds: Double?
        /// Data-parallel runs: simulated compute per iteration, in seconds.
        public var predictedComputeSeconds: Double?
        /// Data-parallel runs: measured compute per iteration (mean over ranks of the medians), in seconds.
        public var measuredComputeSeconds: Double?
        /// Data-parallel runs: what the reductions cost a step, simulated without the ranks' jitter
        /// (`DistributedPrediction.exposedReductionSeconds`), in seconds per iteration.
        public var predictedReductionSeconds: Double?
        /// Data-parallel runs: what the reductions cost a step, as the rank whose backward ended last timed them
        /// (`DistributedTrainResult.exposedReductionSeconds`), in seconds per iteration; nil where not measured.
        public var measuredReductionSeconds: Double?

        /// A row with its errors computed: memory compared where `predictedPeakBytes` is given (`measuredPeakBytes`
        /// nil when the peak was not measured), communication and compute where given as predicted and measured pairs.
        public init(label: String, run: RunConfiguration?, source: String?, predictedStepSeconds: Double,
                    measuredStepSeconds: Double, predictedPeakBytes: Int?, measuredPeakBytes: Int?,
                    communicationSeconds: (predicted: Double, measured: Double)? = nil,
                    computeSeconds: (predicted: Double, measured: Double)? = nil,
                    reductionSeconds: (predicted: Double, measured: Double?)? = nil) {
            self.label = label
            self.run = run
            self.source = source
            self.predictedStepSeconds = predictedStepSeconds
            self.measuredStepSeconds = measuredStepSeconds
            stepTimeError = predictedStepSeconds / measuredStepSeconds - 1
            self.predictedPeakBytes = predictedPeakBytes
            if let predictedPeakBytes {
                self.measuredPeakBytes = measuredPeakBytes ?? 0
                memoryError = measuredPeakBytes.map { Double(predictedPeakBytes) / Double(max(1, $0)) - 1 }
            }
            predictedCommunicationSeconds = communicationSeconds?.predicted
            measuredCommunicationSeconds = communicationSeconds?.measured
            predictedComputeSeconds = computeSeconds?.predicted
            measuredComputeSeconds = computeSeconds?.measured
            predictedReductionSeconds = reductionSeconds?.predicted
            measuredReductionSeconds = reductionSeconds?.measured
        }

        /// `|predicted / measured - 1|` of communication and waiting, if compared.
        var communicationError: Double? { Self.error(predictedCommunicationSeconds, measuredCommunicationSeconds) }

        /// `|predicted / measured - 1|` of the exposed reductions, if compared.
        var reductionError: Double? { Self.error(predictedReductionSeconds, measuredReductionSeconds) }

        /// `|predicted / measured - 1|` where both are given (a measured 0 taken as 1e-12 s).
        private static func error(_ predicted: Double?, _ measured: Double?) -> Double? {
            guard let predicted, let measured else { return nil }
            return abs(predicted / max(measured, 1e-12) - 1)
        }
    }

    /// Aggregate errors, as fractions (0.05 = 5%).
    public struct Summary: Sendable, Codable {
        public var configurations: Int
        public var stepTimeMAPE: Double
        public var stepTimeMaxError: Double
        /// Over the configurations whose peak memory was measured; nil where memory is not compared.
        public var memoryMAPE: Double?
        /// Configurations whose peak memory was measured; nil where memory is not compared.
        public var memoryConfigurations: Int?
        /// Mean of `|predicted / measured - 1|` of communication plus waiting; nil where not compared.
        public var communicationMAPE: Double?
        /// Mean of `|predicted / measured - 1|` of the exposed reductions, over the runs that measured them; nil where
        /// none did.
        public var reductionMAPE: Double?
    }

    public var profile: String
    /// How the measured steps were taken (e.g. the fastest step of 5 interleaved rounds of CPU runs); nil where the
    /// measurements came as they are or `machine` says how.
    public var measurement: String?
    /// Data-parallel runs: the machine's transports and core sharing the predictions used (measured apart from the
    /// runs).
    public var machine: DistributedMachine?
    public var configurations: [Configuration]
    public var summary: Summary

    /// The report of `configurations`, with its summary computed from them: a data-parallel report (one carrying its
    /// `machine`) summarises communication and waiting, any other report memory, whatever rows it holds.
    public init(profile: String, measurement: String? = nil, machine: DistributedMachine? = nil,
                configurations: [Configuration]) {
        self.profile = profile
        self.measurement = measurement
        self.machine = machine
        self.configurations = configurations
        let n = Double(max(1, configurations.count))
        let dataParallel = machine != nil
        let memory = configurations.compactMap(\.memoryError)
        let communication = configurations.compactMap(\.communicationError)
        let reduction = configurations.compactMap(\.reductionError)
        summary = Summary(
            configurations: configurations.count,
            stepTimeMAPE: configurations.reduce(0) { $0 + abs($1.stepTimeError) } / n,
            stepTimeMaxError: configurations.map { abs($0.stepTimeError) }.max() ?? 0,
            memoryMAPE: dataParallel ? nil : memory.reduce(0) { $0 + abs($1) } / Double(max(1, memory.count)),
            memoryConfigurations: dataParallel ? nil : memory.count,
            communicationMAPE: dataParallel ? communication.reduce(0, +) / Double(max(1, communication.count)) : nil,
            reductionMAPE: reduction.isEmpty ? nil : reduction.reduce(0, +) / Double(reduction.count))
    }
}
