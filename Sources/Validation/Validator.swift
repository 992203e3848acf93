import CostModel

/// Predicts each configuration with the cost model, runs it for real, and reports the errors.
///
/// A single CPU has no interconnect, so the event simulation of one device reduces to
/// the analytic sum of its work items; this is what is predicted.
public enum Validator {
    public static func validate(
        profile: DeviceProfile, plan: [RunConfiguration], measure: (RunConfiguration) throws -> MeasuredRun,
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> ValidationReport {
        var rows: [ValidationReport.Configuration] = []
        for (i, config) in plan.enumerated() {
            progress?(i, plan.count, config.label)
            let model = try config.modelConfig.build()
            let device = profile.restricted(toThreads: config.threads)
            let predicted = try AnalyticEstimator(model: model, recipe: config.recipe, device: device).estimate()
            let memory = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown().totalBytes
            let run = try measure(config)
            rows.append(ValidationReport.Configuration(
                label: config.label, run: config, source: nil, predictedStepSeconds: predicted.seconds,
                measuredStepSeconds: run.stepSeconds, predictedPeakBytes: memory, measuredPeakBytes: run.peakResidentBytes))
        }
        progress?(plan.count, plan.count, "done")
        return ValidationReport(profile: profile.name, configurations: rows)
    }
}
