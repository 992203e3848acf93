import CostModel
import Simulator
import Workload
import InputParsing

/// Predicts whole published training runs (seconds per kimg, peak memory) with the training schedule and reports the errors.
///
/// Each row becomes a scenario: the row's model and precision (the architecture's official recipe at the row's batch
/// per GPU), `gpus` devices of its topology, and a data pipeline that never stalls (the published loops prefetch from
/// local storage). Its iteration is the analytic estimate over one lazy-regularisation period; memory is the peak of
/// live tensors (the memory model without the runtime's context, as `torch.cuda.max_memory_allocated` reports).
public enum PublishedRunValidator {
    /// The scenario of one run.
    public static func scenario(_ run: PublishedRun, profiles: DeviceProfiles) throws -> TrainingScenario {
        var input = ScenarioInput()
        input.name = run.label
        input.model = ScenarioInput.Model(run.model)
        var recipe = ScenarioInput.Recipe()
        recipe.batchPerDevice = run.batchPerGPU
        recipe.precision = run.precision
        input.recipe = recipe
        var cluster = ScenarioInput.Cluster()
        cluster.topology = run.topology
        cluster.devices = run.gpus
        input.cluster = cluster
        // Storage and decoding far beyond any GPU's appetite: the published loops prefetch from local storage.
        var data = ScenarioInput.Data()
        data.storageBandwidth = 1e15
        data.decodeRatePerCore = 1e12
        input.data = data
        // One lazy-regularisation period, and the iteration after it.
        let period = TrainingRecipe.official(for: run.model.architecture, batchPerDevice: run.batchPerGPU).period
        input.simulate = ScenarioInput.Simulate(iterations: period + 1)
        return try TrainingScenario(input: input, defaultName: run.label, requireFit: false, profiles: profiles)
    }

    /// The predicted seconds per iteration and peak live bytes per GPU of `run`.
    public static func predict(_ run: PublishedRun, profiles: DeviceProfiles, cache: ScenarioCache) throws -> (secondsPerIteration: Double, peakBytes: Int, device: String) {
        let scenario = try scenario(run, profiles: profiles)
        let result = try scenario.estimate(cache: cache)
        return (result.iterationSeconds, result.memory.liveTensorBytesPerDevice, scenario.plan.device.name)
    }

    /// Predicts every run and compares it with what was published; a calibrated profile no run uses is an error.
    public static func validate(_ runs: [PublishedRun], profiles: DeviceProfiles, measurement: String) throws -> ValidationReport {
        let cache = ScenarioCache()
        var rows: [ValidationReport.Configuration] = []
        var devices: [String] = []
        for run in runs {
            let predicted: (secondsPerIteration: Double, peakBytes: Int, device: String)
            do { predicted = try predict(run, profiles: profiles, cache: cache) } catch {
                throw ConfigurationError(field: run.source, value: run.label, reason: "\(error)")
            }
            if !devices.contains(predicted.device) { devices.append(predicted.device) }
            rows.append(ValidationReport.Configuration(
                label: run.label, run: nil, source: run.source, predictedStepSeconds: predicted.secondsPerIteration,
                measuredStepSeconds: run.secondsPerIteration, predictedPeakBytes: predicted.peakBytes,
                measuredPeakBytes: run.peakAllocatedBytes))
        }
        try profiles.checkUsed(by: devices)
        let names = devices.map { name in profiles.overrides[name] != nil ? "\(name) (calibrated)" : "\(name) (catalog)" }
        return ValidationReport(profile: names.joined(separator: ", "), measurement: measurement, configurations: rows)
    }

    /// Data-parallel scaling per configuration: from the fewest to the most GPUs of the same model, precision and
    /// topology, the measured and predicted speed-up in seconds per kimg.
    public static func scaling(_ runs: [PublishedRun], report: ValidationReport) -> [ScalingComparison] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, run) in runs.enumerated() {
            let key = "\(run.model.label) \(run.precision.rawValue) \(run.topology.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.compactMap { key -> ScalingComparison? in
            let members = groups[key]!
            guard let few = members.min(by: { runs[$0].gpus < runs[$1].gpus }),
                  let many = members.max(by: { runs[$0].gpus < runs[$1].gpus }), runs[few].gpus < runs[many].gpus else { return nil }
            func perKimg(_ i: Int, predicted: Bool) -> Double {
                let seconds = predicted ? report.configurations[i].predictedStepSeconds : report.configurations[i].measuredStepSeconds
                return seconds * 1000 / Double(runs[i].imagesPerIteration)
            }
            return ScalingComparison(
                configuration: key, fromGPUs: runs[few].gpus, toGPUs: runs[many].gpus,
                measuredSpeedup: perKimg(few, predicted: false) / perKimg(many, predicted: false),
                predictedSpeedup: perKimg(few, predicted: true) / perKimg(many, predicted: true))
        }
    }
}
