import CostModel
import Workload
import Foundation
import Planning
import Simulator
import Testing
import TestSupport
import Validation

/// Every command prices a step the same way: `inspect`, a 1-device `simulate`, the 1-device sweep point and `validate`'s
/// prediction agree to 1e-9 for every architecture and recipe feature, on catalog and calibrated profiles.
@Suite struct StepTimeConsistencyTests {
    /// A model and recipe to price, with the scenario fields that give the same recipe.
    struct Case: CustomStringConvertible {
        var config: ModelConfig
        var recipe: TrainingRecipe
        var yamlRecipe: String
        var description: String { "\(config.label) \(yamlRecipe)" }
    }

    static let calibratedPath = Bundle.module.path(forResource: "h100-calibrated", ofType: "json", inDirectory: "Fixtures")!

    /// The profiles: catalog GPUs and TPU, the development VM's fixed CPU profile (from a file, since the catalog's
    /// `cpu` is detected on the machine the tests run on), and a calibrated profile with per-class parameters and
    /// per-iteration and per-input overheads.
    static func profiles() throws -> [(DeviceProfile, path: String?)] {
        let vmPath = TestScratch.file("development-vm", suffix: ".json")
        try DeviceCatalog.developmentVM.save(path: vmPath)
        return [(DeviceCatalog.a100_80gb, nil), (DeviceCatalog.v100_32gb, nil), (try DeviceCatalog.profile(named: "tpu-v3"), nil),
                (DeviceCatalog.developmentVM, vmPath), (try DeviceProfile.load(path: calibratedPath), calibratedPath)]
    }

    /// Every architecture with its official recipe, and nDisc, accumulation, lazy regularisation and mixed precision.
    static func cases(mixed: Precision?) -> [Case] {
        func official(_ architecture: Architecture, resolution: Int?, batch: Int, width: Int? = nil, preset: String? = nil,
                      frames: Int? = nil) -> Case {
            let config = ModelConfig(architecture: architecture, resolution: resolution, width: width, preset: preset,
                                     frames: frames)
            return Case(config: config, recipe: TrainingRecipe.official(for: architecture, batchPerDevice: batch),
                        yamlRecipe: "batchPerDevice: \(batch)")
        }
        var cases = [
            official(.mlpGAN, resolution: nil, batch: 64), official(.dcgan, resolution: 64, batch: 16),
            official(.resnetGAN, resolution: 32, batch: 16), official(.biggan, resolution: 128, batch: 8, width: 32),
            official(.stylegan2, resolution: 64, batch: 4), official(.progan, resolution: 64, batch: 8),
            official(.stylegan3, resolution: 128, batch: 2, preset: "r"), official(.styleganV, resolution: 128, batch: 2, frames: 2),
        ]
        var nDisc = official(.dcgan, resolution: 32, batch: 8)
        nDisc.recipe.discriminatorSteps = 3
        nDisc.yamlRecipe += ", discriminatorSteps: 3"
        var accumulation = official(.biggan, resolution: 128, batch: 4, width: 32)
        accumulation.recipe.accumulation = 3
        accumulation.yamlRecipe += ", accumulation: 3"
        var lazy = official(.stylegan2, resolution: 64, batch: 4)
        lazy.recipe.r1Interval = 4
        lazy.recipe.pathLengthInterval = 3
        lazy.yamlRecipe += ", r1Interval: 4, pathLengthInterval: 3"
        cases += [nDisc, accumulation, lazy]
        if let mixed {
            var half = official(.stylegan2, resolution: 64, batch: 4)
            half.recipe.precision = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4, precision: mixed).precision
            half.yamlRecipe += ", precision: \(mixed.rawValue)"
            var dcgan = official(.dcgan, resolution: 64, batch: 16)
            dcgan.recipe.precision = PrecisionPolicy(mixed)
            dcgan.yamlRecipe += ", precision: \(mixed.rawValue)"
            var alias = official(.stylegan3, resolution: 128, batch: 2)
            alias.recipe.precision = TrainingRecipe.official(for: .stylegan3, batchPerDevice: 2, precision: mixed).precision
            alias.yamlRecipe += ", precision: \(mixed.rawValue)"
            cases += [half, dcgan, alias]
        }
        return cases
    }

    /// A one-device scenario of `c` on `device` whose data pipeline never stalls, training the final networks from
    /// the start (ProGAN's growth prices other networks at other batches).
    static func yaml(_ c: Case, device: DeviceProfile, profilePath: String?) -> String {
        var model = "architecture: \(c.config.architecture.rawValue)"
        if let resolution = c.config.resolution { model += ", resolution: \(resolution)" }
        if let width = c.config.width { model += ", width: \(width)" }
        if let preset = c.config.preset { model += ", preset: \(preset)" }
        if let frames = c.config.frames { model += ", frames: \(frames)" }
        return """
            model: {\(model)}
            recipe: {\(c.yamlRecipe)}
            cluster: {topology: ring, devices: 1, device: \(device.name), bandwidth: 25GB/s, latency: 2us\(profilePath.map { ", profile: \($0)" } ?? "")}
            data: {storageBandwidth: 1000TB/s, decodeRatePerCore: 1e12}
            training: {growth: false}
            """
    }

    @Test func inspectSimulateSweepAndValidateAgree() throws {
        var compared = 0, validatedCount = 0
        for (device, path) in try Self.profiles() {
            let mixed = device.supportedPrecisions.first { $0 != .fp32 }
            for c in Self.cases(mixed: mixed) {
                let inspect = try Inspection(config: c.config, recipe: c.recipe, device: device).stepSeconds
                let yaml = Self.yaml(c, device: device, profilePath: path)
                let scenario = try TrainingScenario(yaml: yaml, defaultName: "consistency")
                #expect(scenario.plan.recipe == c.recipe, "\(c)")
                #expect(scenario.plan.device == device, "\(c) on \(device.name)")
                // Iterations after the first cover one whole regularisation period.
                let iterations = c.recipe.period + 1
                var simulated = scenario
                simulated.plan.iterations = iterations
                let simulate = try simulated.simulate()
                #expect(simulate.breakdown.dataStallSeconds == 0)
                let template = try ScenarioTemplate(yaml: yaml, defaultName: "consistency")
                let sweep = SweepEngine(iterations: iterations).analytic(template: template, points: [SweepPoint(labels: [], assignments: [])])
                let sweepSeconds = try #require(sweep.first?.analytic?.iterationSeconds, "\(c): \(sweep.first?.reason ?? "")")
                let step = MeasuredStep(model: c.config, batch: c.recipe.batchPerDevice, precision: c.recipe.precision.precision,
                                        stepSeconds: 1, peakAllocatedBytes: nil, source: "test")
                var validated = try IterationEstimator(model: try c.config.build(), recipe: step.recipe, device: device).estimate().seconds
                if step.recipe == c.recipe {
                    validated = try #require(try Validator.validate(profile: device, steps: [step]).configurations.first).predictedStepSeconds
                }
                let label = "\(c) on \(device.name)\(path == nil ? "" : " (calibrated)")"
                #expect(isClose(simulate.iterationSeconds, inspect, relative: 1e-9), "\(label): simulate \(simulate.iterationSeconds) vs inspect \(inspect)")
                #expect(isClose(sweepSeconds, inspect, relative: 1e-9), "\(label): sweep \(sweepSeconds) vs inspect \(inspect)")
                if step.recipe == c.recipe {
                    #expect(isClose(validated, inspect, relative: 1e-9), "\(label): validate \(validated) vs inspect \(inspect)")
                    validatedCount += 1
                }
                compared += 1
            }
        }
        // 5 profiles x 11 cases, and 3 mixed-precision cases on each profile with a second precision.
        #expect(compared == 5 * 11 + 3 * (try Self.profiles()).filter { $0.0.supportedPrecisions.count > 1 }.count)
        #expect(validatedCount > 0)
    }

    @Test func aCalibratedProfilesOverheadsReachTheSimulator() throws {
        let calibrated = try DeviceProfile.load(path: Self.calibratedPath)
        let c = Self.cases(mixed: nil)[1]
        var plain = calibrated
        plain.iterationOverheadSeconds = nil
        plain.inputSecondsPerElement = nil
        let model = try c.config.build()
        let overhead = SegmentPricer(model: model, recipe: c.recipe, device: calibrated).iterationOverheadSeconds
        #expect(overhead > 0.0042)
        func simulated(_ profiles: DeviceProfiles) throws -> Double {
            var scenario = try TrainingScenario(yaml: Self.yaml(c, device: calibrated, profilePath: nil), defaultName: "c", profiles: profiles)
            scenario.plan.iterations = 3
            return try scenario.simulate().iterationSeconds
        }
        let withOverhead = try simulated(try DeviceProfiles(files: [Self.calibratedPath]))
        let file = URL(fileURLWithPath: TestScratch.file("plain", suffix: ".json"))
        defer { try? FileManager.default.removeItem(at: file) }
        try plain.save(path: file.path)
        let without = try simulated(try DeviceProfiles(files: [file.path]))
        #expect(isClose(withOverhead - without, overhead, absolute: 1e-12 * withOverhead))
    }

    @Test func aProfileForAnotherDeviceIsRefusedNamingTheFileAndDevices() throws {
        let yaml = Self.yaml(Self.cases(mixed: nil)[1], device: DeviceCatalog.a100_80gb, profilePath: Self.calibratedPath)
        #expect {
            try TrainingScenario(yaml: yaml, defaultName: "mismatch")
        } throws: { error in
            let message = "\(error)"
            return message.contains("cluster.profile") && message.contains("profile of h100") && message.contains("a100-80gb")
                && message.contains("line 3")
        }
        let profiles = try DeviceProfiles(files: [Self.calibratedPath])
        #expect(throws: CalibrationError.self) { try profiles.checkUsed(by: ["a100-80gb"]) }
        #expect(throws: CalibrationError.self) { try DeviceProfiles(files: [Self.calibratedPath, Self.calibratedPath]) }
    }

    @Test func theGPUExecutionModelPricesEveryCommandAlike() throws {
        var device = DeviceCatalog.v100_32gb
        device.execution = ExecutionParameters(implementation: "stylegan2-ada-pytorch", hostSecondsPerKernel: 4.8e-5, overlap: 0.88,
                                               deviceEfficiencyScale: 0.62)
        let file = URL(fileURLWithPath: TestScratch.file("v100-execution", suffix: ".json"))
        defer { try? FileManager.default.removeItem(at: file) }
        try device.save(path: file.path)
        for c in Self.cases(mixed: .fp16) where [.stylegan2, .stylegan3, .styleganV].contains(c.config.architecture) {
            let inspect = try Inspection(config: c.config, recipe: c.recipe, device: device)
            #expect((inspect.iteration.kernels ?? 0) > 1000, "\(c)")
            let yaml = Self.yaml(c, device: device, profilePath: file.path)
            var scenario = try TrainingScenario(yaml: yaml, defaultName: "execution")
            scenario.plan.iterations = c.recipe.period + 1
            let simulate = try scenario.simulate()
            let template = try ScenarioTemplate(yaml: yaml, defaultName: "execution")
            let sweep = SweepEngine(iterations: c.recipe.period + 1).analytic(template: template, points: [SweepPoint(labels: [], assignments: [])])
            let sweepSeconds = try #require(sweep.first?.analytic?.iterationSeconds)
            #expect(isClose(simulate.iterationSeconds, inspect.stepSeconds, relative: 1e-9), "\(c)")
            #expect(isClose(sweepSeconds, inspect.stepSeconds, relative: 1e-9), "\(c)")
            // The host floor makes a step slower than the roofline alone.
            var prior = device
            prior.execution = nil
            let roofline = try Inspection(config: c.config, recipe: c.recipe, device: prior).stepSeconds
            #expect(inspect.stepSeconds > roofline, "\(c)")
        }
    }

    @Test func capturedGraphsAreAWhatIfPricedAlikeEverywhereAndUnvalidated() throws {
        var c = Self.cases(mixed: .fp16).first { $0.config.architecture == .stylegan2 }!
        let eager = try Inspection(config: c.config, recipe: c.recipe, device: DeviceCatalog.v100_32gb)
        c.recipe.hostLaunches = .graphs
        c.yamlRecipe += ", hostLaunches: graphs"
        let graphs = try Inspection(config: c.config, recipe: c.recipe, device: DeviceCatalog.v100_32gb)
        #expect(graphs.stepSeconds < eager.stepSeconds)
        #expect(eager.stepSecondsInterval != nil && graphs.stepSecondsInterval == nil)
        var scenario = try TrainingScenario(yaml: Self.yaml(c, device: DeviceCatalog.v100_32gb, profilePath: nil), defaultName: "graphs")
        #expect(scenario.plan.recipe == c.recipe)
        scenario.plan.iterations = c.recipe.period + 1
        let simulate = try scenario.simulate()
        #expect(isClose(simulate.iterationSeconds, graphs.stepSeconds, relative: 1e-9))
        #expect(simulate.iterationSecondsInterval == nil)
    }
}
