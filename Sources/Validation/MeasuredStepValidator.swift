import CostModel
import Workload

/// Predicts steps timed outside gansim (e.g. in PyTorch on a GPU) and reports the errors.
///
/// Each step is predicted with the same single-device estimator as `Validator`, for the
/// recipe the measurement script runs (`MeasuredStep.recipe`). Memory is compared without
/// the profile's runtime overhead (the CUDA context and library handles), since a
/// framework's allocator statistics do not see those.
public enum MeasuredStepValidator {
    ///
    /// The steps are scripts/measure_graph.py running gansim's own graph op by op, not an official implementation, so
    /// a GPU execution model of the profile (which counts an official implementation's launches) is left out.
    public static func validate(profile: DeviceProfile, steps: [MeasuredStep]) throws -> ValidationReport {
        var profile = profile
        profile.execution = nil
        profile.validatedError = nil
        var rows: [ValidationReport.Configuration] = []
        for step in steps {
            let model = try step.model.build()
            let predicted = try IterationEstimator(model: model, recipe: step.recipe, device: profile).estimate()
            let memory = MemoryModel(model: model, recipe: step.recipe, device: profile).breakdown()
            rows.append(ValidationReport.Configuration(
                label: step.label, run: nil, source: step.source, predictedStepSeconds: predicted.seconds,
                measuredStepSeconds: step.stepSeconds, predictedPeakBytes: memory.liveTensorBytes,
                measuredPeakBytes: step.peakAllocatedBytes))
        }
        return ValidationReport(profile: profile.name, configurations: rows)
    }
}
