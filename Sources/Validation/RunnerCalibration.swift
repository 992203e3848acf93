import CostModel
import Workload

/// Calibrates a CPU profile from real runs (the fastest of `rounds` interleaved runs of
/// each, `InterleavedRounds`): per-class op parameters from every op
/// timing of the fit set, then the time outside the ops (a fixed per-iteration overhead
/// plus a cost per element of real data fed to D: drawing the synthetic batch is the
/// trainer's largest untimed work), from the runs' measured time outside their timed ops
/// (or, for runs that did not measure it, their step time less the op model's
/// prediction), and the runtime memory baseline from the whole steps.
public enum RunnerCalibration {
    /// The fitted profile and the fit report.
    public static func calibrate(
        base: DeviceProfile, fitSet: [RunConfiguration], rounds: Int = 1,
        measure: (RunConfiguration) throws -> MeasuredRun, progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> CalibrationResult {
        let measured = try InterleavedRounds.measure(fitSet, rounds: rounds, measure: measure, progress: progress)
        progress?(fitSet.count * rounds, fitSet.count * rounds, "fitting")
        return try fit(base: base, runs: Array(zip(fitSet, measured)))
    }

    /// The fitted profile and the fit report from runs already measured.
    public static func fit(base: DeviceProfile, runs: [(RunConfiguration, MeasuredRun)]) throws -> CalibrationResult {
        // Passes a multi-thread run ran inline (threads 1 in its records) are left out: the
        // 1-thread runs fit the parameters that price them, and these thin products and tiny
        // loops would only widen that fit (docs/cpu-trainer-measurements.md).
        let samples = runs.flatMap { config, run in run.opTimings.filter { config.threads == 1 || $0.threads != 1 } }
        var result = ProfileFitter(base: base).fit(samples)
        var profile = result.profile
        // Whole steps: what the op model leaves out per iteration, and the process baseline.
        var stepGaps: [Double] = [], inputElements: [Double] = []
        var memoryGaps: [Double] = [], convolutionMemoryGaps: [Double] = []
        for (config, run) in runs {
            let model = try config.modelConfig.build()
            try run.checkModel(model, label: config.label)
            let device = profile.restricted(toThreads: config.threads)
            let estimator = try IterationEstimator(model: model, recipe: config.recipe, device: device)
            // Where the run measured its time outside the timed ops, that is fitted, so that
            // errors of the op model do not leak into the overhead; else the step's gap.
            if let untimed = run.untimedSeconds {
                stepGaps.append(untimed)
            } else {
                stepGaps.append(run.stepSeconds - estimator.estimate().seconds)
            }
            inputElements.append(Double(estimator.inputElementsPerIteration))
            let memory = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown()
            let gap = Double(run.peakResidentBytes - memory.liveTensorBytes)
            if MemoryModel.hasConvolutions(model) {
                convolutionMemoryGaps.append(gap)
            } else {
                memoryGaps.append(gap)
            }
        }
        let (fixed, perElement) = overheadLine(gaps: stepGaps, inputElements: inputElements)
        profile.iterationOverheadSeconds = fixed
        profile.inputSecondsPerElement = perElement
        // The process baseline from the runs without convolutions, and what oneDNN adds from those with them (where
        // the fit set has both kinds; else one baseline over all runs).
        if memoryGaps.isEmpty || convolutionMemoryGaps.isEmpty {
            profile.runtimeOverheadBytes = max(0, Int(median(memoryGaps + convolutionMemoryGaps)))
            profile.convolutionRuntimeBytes = nil
        } else {
            profile.runtimeOverheadBytes = max(0, Int(median(memoryGaps)))
            profile.convolutionRuntimeBytes = max(0, Int(median(convolutionMemoryGaps)) - profile.runtimeOverheadBytes)
        }
        result.profile = profile
        return result
    }

    /// The time outside the ops, `gap = fixed + perElement * inputElements`, both at least 0:
    /// the Theil-Sen line (median of pairwise slopes, then the median intercept), which a
    /// disturbed run or two cannot drag; the median gap alone when the runs' input sizes
    /// do not differ.
    static func overheadLine(gaps: [Double], inputElements: [Double]) -> (fixed: Double, perElement: Double) {
        var slopes: [Double] = []
        for i in gaps.indices {
            for j in gaps.indices where j > i && inputElements[j] != inputElements[i] {
                slopes.append((gaps[j] - gaps[i]) / (inputElements[j] - inputElements[i]))
            }
        }
        guard !slopes.isEmpty else { return (max(0, median(gaps)), 0) }
        let slope = max(0, median(slopes))
        let intercept = median(zip(gaps, inputElements).map { $0 - slope * $1 })
        return (max(0, intercept), slope)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
}
