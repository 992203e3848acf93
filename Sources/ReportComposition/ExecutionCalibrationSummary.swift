import CostModel
import Foundation
import Reports
import Validation

/// A GPU execution model fitted to published runs as text: what `gansim calibrate --runs` prints.
public struct ExecutionCalibrationSummary {
    /// The fit to every run.
    public let fit: ExecutionCalibration.Fit
    /// The leave-one-out validation: each run predicted by a fit to the others.
    public let leaveOneOut: ValidationReport
    /// The error bars the fitted profile carries, from `leaveOneOut`.
    public let validatedError: ValidatedError?
    /// The name of the catalog profile fitted.
    public let device: String
    /// The implementation whose kernel launches were counted.
    public let implementation: String
    /// The file of published runs, as the user gave it.
    public let file: String
    /// The number of runs fitted.
    public let runs: Int

    /// The summary of `fit` of `device`'s execution model for `implementation` to the `runs` runs of `file`, with its
    /// `leaveOneOut` validation and the `validatedError` drawn from it.
    public init(fit: ExecutionCalibration.Fit, leaveOneOut: ValidationReport, validatedError: ValidatedError?, device: String,
                implementation: String, file: String, runs: Int) {
        self.fit = fit
        self.leaveOneOut = leaveOneOut
        self.validatedError = validatedError
        self.device = device
        self.implementation = implementation
        self.file = file
        self.runs = runs
    }

    /// The fit (its parameters with standard errors), its in-sample error, then the leave-one-out error and range.
    public var text: String {
        let p = fit.parameters, e = fit.standardErrors
        let errors = fit.errors.map(abs)
        return """
            fitted the GPU execution model of \(device) (\(implementation)) to \(runs) runs of \(file) \
            (\(fit.iterations) iterations\(fit.converged ? "" : ", NOT converged"))
              host time per kernel     \(Units.seconds(p.hostSecondsPerKernel)) ± \(Units.seconds(e[0]))
              host/device overlap      \(String(format: "%.3f ± %.3f", p.overlap, e[1]))
              device efficiency scale  \(String(format: "%.3f ± %.3f", p.deviceEfficiencyScale, e[2]))
            in-sample error: MAPE \(String(format: "%.1f%%", errors.reduce(0, +) / Double(errors.count) * 100)), \
            max \(String(format: "%.1f%%", (errors.max() ?? 0) * 100))
            leave-one-out error (the profile's error bars): MAPE \(String(format: "%.1f%%", leaveOneOut.summary.stepTimeMAPE * 100)), \
            from \(String(format: "%+.1f%%", (validatedError?.lowestError ?? 0) * 100)) \
            to \(String(format: "%+.1f%%", (validatedError?.highestError ?? 0) * 100))
            """
    }
}
