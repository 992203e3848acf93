import CostModel
import Workload

/// Predicts each configuration with the cost model, runs it for real, and reports the errors.
///
/// A single CPU has no interconnect, so the event simulation of one device reduces to
/// the analytic sum of its work items; this is what is predicted.
public enum Validator {
    /// Each configuration is run `rounds` times in interleaved rounds and its fastest run
    /// kept (`InterleavedRounds`, `MeasuredRun.fastest`).
    public static func validate(
        profile: DeviceProfile, plan: [RunConfiguration], rounds: Int = 1,
        measure: (RunConfiguration) throws -> MeasuredRun, progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> ValidationReport {
        // Build first: a configuration the model cannot build stops before anything runs.
        let models = try models(plan)
        let runs = try InterleavedRounds.measure(plan, rounds: rounds, measure: measure, progress: progress)
        progress?(plan.count * rounds, plan.count * rounds, "done")
        let measurement = "median step of the fastest of \(rounds) interleaved real CPU run\(rounds == 1 ? "" : "s")"
        return try report(profile: profile, plan: plan, models: models, runs: runs, measurement: measurement)
    }

    /// The models of `plan`, built (so that a configuration the model cannot build is
    /// refused before anything runs).
    static func models(_ plan: [RunConfiguration]) throws -> [GANModel] {
        try plan.map { try $0.modelConfig.build() }
    }

    /// Predicts each configuration of `plan` (its model `models[i]`) on `profile` and
    /// compares it with its measured run `runs[i]`; `measurement` says how the runs were taken.
    static func report(profile: DeviceProfile, plan: [RunConfiguration], models: [GANModel], runs: [MeasuredRun],
                       measurement: String) throws -> ValidationReport {
        var rows: [ValidationReport.Configuration] = []
        for (i, config) in plan.enumerated() {
            try runs[i].checkModel(models[i], label: config.label)
            let device = profile.restricted(toThreads: config.threads)
            let predicted = try IterationEstimator(model: models[i], recipe: config.recipe, device: device).estimate()
            let memory = MemoryModel(model: models[i], recipe: config.recipe, device: device).breakdown().totalBytes
            rows.append(ValidationReport.Configuration(
                label: config.label, run: config, source: nil, predictedStepSeconds: predicted.seconds,
                measuredStepSeconds: runs[i].stepSeconds, predictedPeakBytes: memory,
                measuredPeakBytes: runs[i].peakResidentBytes))
        }
        return ValidationReport(profile: profile.name, measurement: measurement, configurations: rows)
    }
}
