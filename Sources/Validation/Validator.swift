import CostModel

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
        // Predict first: a configuration the model cannot build stops before anything runs.
        var predictions: [(seconds: Double, bytes: Int)] = []
        var models: [GANModel] = []
        for config in plan {
            let model = try config.modelConfig.build()
            models.append(model)
            let device = profile.restricted(toThreads: config.threads)
            let predicted = try AnalyticEstimator(model: model, recipe: config.recipe, device: device).estimate()
            let memory = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown().totalBytes
            predictions.append((predicted.seconds, memory))
        }
        let runs = try InterleavedRounds.measure(plan, rounds: rounds, measure: measure, progress: progress)
        for i in plan.indices { try runs[i].checkModel(models[i], label: plan[i].label) }
        let rows = plan.indices.map { i in
            ValidationReport.Configuration(
                label: plan[i].label, run: plan[i], source: nil, predictedStepSeconds: predictions[i].seconds,
                measuredStepSeconds: runs[i].stepSeconds, predictedPeakBytes: predictions[i].bytes,
                measuredPeakBytes: runs[i].peakResidentBytes)
        }
        progress?(plan.count * rounds, plan.count * rounds, "done")
        let measurement = "median step of the fastest of \(rounds) interleaved real CPU run\(rounds == 1 ? "" : "s")"
        return ValidationReport(profile: profile.name, measurement: measurement, configurations: rows)
    }
}
