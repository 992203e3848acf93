import CostModel
import Distributed
import Workload

/// Predicts each run or measured step, compares it with its measurement, and reports the errors: the one
/// predict-measure-compare of gansim's own trainer, in one process (`gansim validate`) or data-parallel over MPI
/// (`gansim validate-distributed`), and of steps timed outside gansim (`gansim validate --measurements`).
///
/// A single device has no interconnect, so the event simulation of one device reduces to the analytic sum of its work
/// items (`IterationEstimator`); this is what is predicted for a single process and a measured step. A data-parallel
/// run is simulated on the machine it runs on (`DistributedPrediction`).
public enum Validator {
    /// Validates single-process runs; each configuration is run `rounds` times in interleaved rounds and its fastest
    /// run kept (`InterleavedRounds`, `MeasuredRun.fastest`).
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

    /// Validates steps timed outside gansim (e.g. in PyTorch on a GPU), each predicted for the recipe the measurement
    /// script runs (`MeasuredStep.recipe`). Memory is compared without the profile's runtime overhead (the CUDA
    /// context and library handles), since a framework's allocator statistics do not see those.
    ///
    /// The steps are scripts/measure_graph.py running gansim's own graph op by op, not an official implementation, so
    /// a GPU execution model of the profile (which counts an official implementation's launches) is left out.
    public static func validate(profile: DeviceProfile, steps: [MeasuredStep]) throws -> ValidationReport {
        var profile = profile
        profile.execution = nil
        profile.validatedError = nil
        var rows: [ValidationReport.Configuration] = []
        for step in steps {
            let predicted = try singleDevice(try step.model.build(), recipe: step.recipe, device: profile)
            rows.append(ValidationReport.Configuration(
                label: step.label, run: nil, source: step.source, predictedStepSeconds: predicted.stepSeconds,
                measuredStepSeconds: step.stepSeconds, predictedPeakBytes: predicted.memory.liveTensorBytes,
                measuredPeakBytes: step.peakAllocatedBytes))
        }
        return ValidationReport(profile: profile.name, configurations: rows)
    }

    /// The models of `plan`, built (so that a configuration the model cannot build is
    /// refused before anything runs).
    static func models(_ plan: [RunConfiguration]) throws -> [GANModel] {
        try plan.map { try $0.modelConfig.build() }
    }

    /// Predicts each configuration of `plan` (its model `models[i]`) on `profile` (data-parallel runs on `machine`)
    /// and compares it with its measured run `runs[i]`; `measurement` says how the runs were taken.
    static func report(profile: DeviceProfile, machine: DistributedMachine? = nil, plan: [RunConfiguration],
                       models: [GANModel], runs: [MeasuredRun], measurement: String?) throws -> ValidationReport {
        var rows: [ValidationReport.Configuration] = []
        for (i, config) in plan.enumerated() {
            try runs[i].checkModel(models[i], label: config.label)
            rows.append(try compare(config, model: models[i], run: runs[i], profile: profile, machine: machine))
        }
        return ValidationReport(profile: profile.name, measurement: measurement, machine: machine, configurations: rows)
    }

    /// The row of one run: a single process's step and memory from the profile on its threads, a data-parallel run's
    /// step, communication and compute simulated on `machine`.
    ///
    /// - Throws: `MPIError.invalidOption` for a data-parallel run without a `machine`.
    static func compare(_ config: RunConfiguration, model: GANModel, run: MeasuredRun, profile: DeviceProfile,
                        machine: DistributedMachine?) throws -> ValidationReport.Configuration {
        guard config.dataParallel != nil else {
            let predicted = try singleDevice(model, recipe: config.recipe, device: profile.restricted(toThreads: config.threads))
            return ValidationReport.Configuration(
                label: config.label, run: config, source: nil, predictedStepSeconds: predicted.stepSeconds,
                measuredStepSeconds: run.stepSeconds, predictedPeakBytes: predicted.memory.totalBytes,
                measuredPeakBytes: run.peakResidentBytes)
        }
        guard let machine else {
            throw MPIError.invalidOption(field: "machine", value: config.label,
                                         expected: "a measured machine (transports, core sharing) to predict a data-parallel run")
        }
        let predicted = try DistributedPrediction.predict(config, profile: profile, machine: machine, exposingReductions: true)
        return ValidationReport.Configuration(
            label: config.label, run: config, source: nil, predictedStepSeconds: predicted.stepSeconds,
            measuredStepSeconds: run.stepSeconds, predictedPeakBytes: nil, measuredPeakBytes: nil,
            communicationSeconds: (predicted.communicationSeconds, run.communicationSeconds ?? 0),
            computeSeconds: (predicted.computeSeconds, run.computeSeconds ?? 0),
            reductionSeconds: predicted.exposedReductionSeconds.map { ($0, run.exposedReductionSeconds) })
    }

    /// One device's predicted step and memory for `model` trained with `recipe`.
    static func singleDevice(_ model: GANModel, recipe: TrainingRecipe, device: DeviceProfile) throws
        -> (stepSeconds: Double, memory: MemoryBreakdown) {
        let step = try IterationEstimator(model: model, recipe: recipe, device: device).estimate().seconds
        return (step, MemoryModel(model: model, recipe: recipe, device: device).breakdown())
    }
}
