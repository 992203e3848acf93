import CostModel

/// Calibrates a CPU profile from real runs: per-class op parameters from every op
/// timing of the fit set, then the per-iteration overhead and the runtime memory
/// baseline from the whole steps.
public enum RunnerCalibration {
    /// The fitted profile and the fit report.
    public static func calibrate(
        base: DeviceProfile, fitSet: [RunConfiguration], measure: (RunConfiguration) throws -> MeasuredRun,
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> CalibrationResult {
        var runs: [(RunConfiguration, MeasuredRun)] = []
        for (i, config) in fitSet.enumerated() {
            progress?(i, fitSet.count, config.label)
            runs.append((config, try measure(config)))
        }
        progress?(fitSet.count, fitSet.count, "fitting")
        var result = ProfileFitter(base: base).fit(runs.flatMap(\.1.opTimings))
        var profile = result.profile
        // Whole steps: what the op model leaves out per iteration, and the process baseline.
        var stepGaps: [Double] = [], memoryGaps: [Double] = []
        for (config, run) in runs {
            let model = try config.modelConfig.build()
            let device = profile.restricted(toThreads: config.threads)
            let predicted = try AnalyticEstimator(model: model, recipe: config.recipe, device: device).estimate()
            stepGaps.append(run.stepSeconds - predicted.seconds)
            var noRuntime = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown()
            noRuntime.runtimeBytes = 0
            memoryGaps.append(Double(run.peakResidentBytes - noRuntime.totalBytes))
        }
        profile.iterationOverheadSeconds = max(0, median(stepGaps))
        profile.runtimeOverheadBytes = max(0, Int(median(memoryGaps)))
        result.profile = profile
        return result
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
}
