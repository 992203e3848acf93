import CostModel
import Workload

/// Predicts each data-parallel configuration with the simulator, runs it for real, and
/// reports the errors.
public enum DistributedValidator {
    /// Validates `plan`; `measure` runs one configuration (e.g. through `mpirun`), `rounds` times in interleaved
    /// rounds, and the run of the fastest step is compared (on a shared machine the others were disturbed).
    ///
    /// - Throws: errors of the prediction or of `measure`.
    public static func validate(
        profile: DeviceProfile, machine: DistributedMachine, plan: [DistributedRunConfiguration], rounds: Int = 1,
        measure: (DistributedRunConfiguration) throws -> DistributedTrainResult,
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> DistributedValidationReport {
        var fastest: [DistributedTrainResult?] = Array(repeating: nil, count: plan.count)
        for round in 0..<max(1, rounds) {
            for (i, config) in plan.enumerated() {
                progress?(round * plan.count + i, max(1, rounds) * plan.count, config.label)
                let run = try measure(config)
                if fastest[i].map({ run.train.stepSeconds < $0.train.stepSeconds }) ?? true { fastest[i] = run }
            }
        }
        var rows: [DistributedValidationReport.Configuration] = []
        for (i, config) in plan.enumerated() {
            let predicted = try DistributedPrediction.predict(config, profile: profile, machine: machine)
            let run = fastest[i]!
            let n = Double(max(1, run.perRank.count))
            rows.append(.init(
                label: config.label, run: config, predictedStepSeconds: predicted.stepSeconds,
                measuredStepSeconds: run.train.stepSeconds, stepTimeError: predicted.stepSeconds / run.train.stepSeconds - 1,
                predictedCommunicationSeconds: predicted.communicationSeconds,
                measuredCommunicationSeconds: run.communicationSeconds + run.waitSeconds,
                predictedComputeSeconds: predicted.computeSeconds,
                measuredComputeSeconds: run.perRank.reduce(0) { $0 + $1.computeSeconds } / n))
        }
        progress?(max(1, rounds) * plan.count, max(1, rounds) * plan.count, "done")
        let n = Double(max(1, rows.count))
        return DistributedValidationReport(
            profile: profile.name, machine: machine, configurations: rows,
            summary: .init(configurations: rows.count, stepTimeMAPE: rows.reduce(0) { $0 + abs($1.stepTimeError) } / n,
                           stepTimeMaxError: rows.map { abs($0.stepTimeError) }.max() ?? 0,
                           communicationMAPE: rows.reduce(0) { $0 + abs($1.predictedCommunicationSeconds / max($1.measuredCommunicationSeconds, 1e-12) - 1) } / n))
    }
}
