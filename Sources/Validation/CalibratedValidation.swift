import CostModel
import Workload

/// Calibrates and validates in one session: the fit set's runs and the validation plan's
/// are interleaved round by round, so that both see the same machine.
///
/// On a shared machine whose speed drifts for minutes at a time (docs/cpu-model.md), a
/// profile calibrated in one stretch and validated in another carries the drift into every
/// prediction. Interleaving gives every configuration, fitted or predicted, runs in the
/// same stretches. The plan's configurations stay unseen by the fit: only the fit set's
/// runs are fitted.
public enum CalibratedValidation {
    /// The fit (from the fit set's fastest runs) and the validation report (the plan's
    /// fastest runs against the fitted profile's predictions).
    public static func run(
        base: DeviceProfile, fitSet: [RunConfiguration], plan: [RunConfiguration], rounds: Int,
        measure: (RunConfiguration) throws -> MeasuredRun, progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> (calibration: CalibrationResult, validation: ValidationReport) {
        // Build first: a configuration the model cannot build stops before anything runs.
        _ = try Validator.models(fitSet)
        let models = try Validator.models(plan)
        let runs = try InterleavedRounds.measure(fitSet + plan, rounds: rounds, measure: measure, progress: progress)
        let total = (fitSet.count + plan.count) * rounds
        progress?(total, total, "fitting")
        let calibration = try RunnerCalibration.fit(base: base, runs: Array(zip(fitSet, runs.prefix(fitSet.count))))
        let measurement = "median step of the fastest of \(rounds) real CPU runs, interleaved with the calibration's"
        let validation = try Validator.report(profile: calibration.profile, plan: plan, models: models,
                                              runs: Array(runs.dropFirst(fitSet.count)), measurement: measurement)
        return (calibration, validation)
    }
}
