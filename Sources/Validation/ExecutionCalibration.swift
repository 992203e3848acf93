import CostModel
import Foundation
import Simulator
import Workload

/// Fits a device profile's GPU execution model to whole published runs, and checks it by leaving each run out.
///
/// The three parameters (`ExecutionParameters`: host seconds per kernel, host/device overlap, device efficiency
/// scale) are fitted with GSL's nonlinear least squares to the log ratios of predicted to published seconds per
/// iteration; each row is predicted by `PublishedRunValidator` (the training schedule on the row's cluster). The
/// parameters are fitted in unconstrained form (log, logit, log) so that every value stays physical.
public enum ExecutionCalibration {
    /// A fit: the profile with its execution model, the solution and the parameters' standard errors.
    public struct Fit: Sendable {
        public var profile: DeviceProfile
        public var parameters: ExecutionParameters
        /// Standard errors of host seconds per kernel, overlap and device efficiency scale (delta method).
        public var standardErrors: [Double]
        /// Log residuals (predicted over published, minus 1) per run.
        public var errors: [Double]
        public var iterations: Int
        public var converged: Bool
    }

    /// Fits the execution model of `base` for `implementation` to `runs`, which must all run on `base`'s device.
    public static func fit(base: DeviceProfile, implementation: String, runs: [PublishedRun]) throws -> Fit {
        _ = try ImplementationProfile.named(implementation)
        guard runs.count >= 3 else {
            throw CalibrationError.unusableFile(file: runs.first?.source ?? "(runs)", reason: "fitting 3 parameters needs at least 3 runs, got \(runs.count)")
        }
        // Every run must be priced by this profile: its topology's devices are `base`'s device.
        for run in runs {
            let device = try PublishedRunValidator.scenario(run, profiles: DeviceProfiles(profiles: [base])).plan.device.name
            guard device == base.name else {
                throw CalibrationError.unusableFile(
                    file: run.source, reason: "runs on \(device) (its topology \(run.topology.rawValue)), not on \(base.name), the device being fitted")
            }
        }
        // The host time per kernel is the first run's host CPU's; runs on other servers rescale it to theirs.
        let host = try PublishedRunValidator.scenario(runs[0], profiles: DeviceProfiles(profiles: [base])).hostCPU?.name
        // Always from the same priors (not from a profile's earlier fit), so that a fit is reproducible.
        let start = ExecutionParameters(implementation: implementation, hostSecondsPerKernel: 20e-6, overlap: 0.5, deviceEfficiencyScale: 1)
        func parameters(_ x: [Double]) -> ExecutionParameters {
            ExecutionParameters(implementation: implementation, hostSecondsPerKernel: 1e-5 * exp(x[0]),
                                overlap: 1 / (1 + exp(-x[1])), deviceEfficiencyScale: exp(x[2]), host: host)
        }
        func profile(_ p: ExecutionParameters) -> DeviceProfile {
            var profile = base
            profile.execution = p
            profile.validatedError = nil
            return profile
        }
        let measured = runs.map(\.secondsPerIteration)
        var failure: Error?
        // One cache for every evaluation: models, topologies and collective timers do not change with the parameters
        // (priced blocks are keyed by the profile, so each evaluation prices its own).
        let cache = ScenarioCache()
        func residuals(_ x: [Double]) -> [Double] {
            let profiles = DeviceProfiles(profiles: [profile(parameters(x))])
            return runs.enumerated().map { index, run in
                do {
                    let predicted = try PublishedRunValidator.predict(run, profiles: profiles, cache: cache)
                    return log(predicted.secondsPerIteration / measured[index])
                } catch {
                    failure = failure ?? error
                    return 0
                }
            }
        }
        let overlap = min(max(start.overlap, 0.01), 0.99)
        let x0 = [log(start.hostSecondsPerKernel / 1e-5), log(overlap / (1 - overlap)), log(start.deviceEfficiencyScale)]
        let solution = NonlinearLeastSquares.fit(start: x0, observations: runs.count, residuals: residuals)
        if let failure { throw failure }
        let fitted = parameters(solution.parameters)
        // Delta method: d(host)/dx0 = host, d(overlap)/dx1 = o(1-o), d(scale)/dx2 = scale.
        let derivatives = [fitted.hostSecondsPerKernel, fitted.overlap * (1 - fitted.overlap), fitted.deviceEfficiencyScale]
        return Fit(profile: profile(fitted), parameters: fitted,
                   standardErrors: zip(derivatives, solution.standardErrors).map { $0 * $1 },
                   errors: solution.residuals.map { exp($0) - 1 }, iterations: solution.iterations, converged: solution.converged)
    }

    /// Each run predicted by a fit to the others: the honest error of the model on runs it has not seen.
    public static func leaveOneOut(base: DeviceProfile, implementation: String, runs: [PublishedRun],
                                   progress: ((Int, Int) -> Void)? = nil) throws -> ValidationReport {
        var rows: [ValidationReport.Configuration] = []
        for (index, run) in runs.enumerated() {
            progress?(index, runs.count)
            var others = runs
            others.remove(at: index)
            let fit = try fit(base: base, implementation: implementation, runs: others)
            let predicted = try PublishedRunValidator.predict(run, profiles: DeviceProfiles(profiles: [fit.profile]), cache: ScenarioCache())
            rows.append(ValidationReport.Configuration(
                label: run.label, run: nil, source: run.source, predictedStepSeconds: predicted.secondsPerIteration,
                measuredStepSeconds: run.secondsPerIteration, predictedPeakBytes: predicted.peakBytes,
                measuredPeakBytes: run.peakAllocatedBytes))
        }
        progress?(runs.count, runs.count)
        return ValidationReport(profile: "\(base.name) (each run predicted by a fit to the others)",
                                measurement: "published runs, leave-one-out", configurations: rows)
    }
}
