import CostModel
import Foundation
import Simulator
import TestSupport
import Testing
import Validation
import Workload

/// Whole published runs: reading the file, predicting the runs, fitting the GPU execution model.
@Suite struct PublishedRunTests {
    static let published = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("measurements/published/stylegan2-ada-pytorch-v100.csv").path
    static let defaults = PublishedRunFile.Defaults(architecture: "stylegan2", preset: "auto", topology: "dgx1-v100", precision: "fp16")

    @Test func readsThePublishedTable() throws {
        let runs = try PublishedRunFile.read(path: Self.published, defaults: Self.defaults)
        #expect(runs.count == 16)
        let first = try #require(runs.first)
        #expect(first.gpus == 1 && first.batchPerGPU == 32 && first.model.resolution == 128 && first.precision == .fp16)
        #expect(isClose(first.secondsPerKimg, 13.25, absolute: 1e-12) && first.secondsPerKimgRange == [12.8, 13.7])
        #expect(isClose(first.secondsPerIteration, 0.424, absolute: 1e-12))
        #expect(first.peakAllocatedBytes == Int((7.2 * 1_073_741_824).rounded()))
        #expect(first.source.hasSuffix("stylegan2-ada-pytorch-v100.csv:13"))
    }

    @Test func badRowsNameFileLineAndColumn() {
        func message(_ text: String, _ defaults: PublishedRunFile.Defaults = Self.defaults) -> String {
            do { _ = try PublishedRunFile.parse(text, file: "runs.csv", defaults: defaults); return "" } catch { return "\(error)" }
        }
        #expect(message("resolution,gpus\n128,1\n").contains("'batch_per_gpu'"))
        #expect(message("resolution,gpus,batch_per_gpu,total_batch,sec_per_kimg\n128,2,8,8,5\n").contains("runs.csv:2: field 'total_batch'"))
        #expect(message("resolution,gpus,batch_per_gpu,sec_per_kimg\n128,2,x,5\n").contains("runs.csv:2: field 'batch_per_gpu' = 'x'"))
        #expect(message("resolution,gpus,batch_per_gpu\n128,2,8\n").contains("field 'sec_per_kimg'"))
        #expect(message("resolution,gpus,batch_per_gpu,sec_per_kimg\n128,2,8,5\n", .init()).contains("field 'architecture'"))
        #expect(message("resolution,gpus,batch_per_gpu,sec_per_kimg\n100,2,8,5\n").contains("field 'resolution' = '100'"))
        #expect(message("# only comments\n").contains("has no runs"))
        #expect(message("resolution,gpus,batch_per_gpu,sec_per_kimg,topology\n128,2,8,5,ring\n").contains("runs.csv:2: field 'topology' = 'ring'"))
    }

    @Test func theFittedExecutionModelIsPhysicalAndPredictsTheTable() throws {
        let runs = try PublishedRunFile.read(path: Self.published, defaults: Self.defaults)
        let fit = try ExecutionCalibration.fit(base: DeviceCatalog.v100_32gb, implementation: "stylegan2-ada-pytorch", runs: runs)
        #expect(fit.converged)
        for (name, value) in [("hostSecondsPerKernel", fit.parameters.hostSecondsPerKernel), ("overlap", fit.parameters.overlap),
                              ("deviceEfficiencyScale", fit.parameters.deviceEfficiencyScale)] {
            #expect(ExecutionParameters.plausibleRanges[name]!.contains(value), "\(name) = \(value)")
        }
        let mape = fit.errors.map(abs).reduce(0, +) / Double(fit.errors.count)
        #expect(mape < 0.1, "in-sample MAPE \(mape)")
        // The V100 roofline alone, without the execution model, predicts every run far too fast.
        var prior = DeviceCatalog.v100_32gb
        prior.execution = nil
        prior.validatedError = nil
        let catalog = try PublishedRunValidator.validate(runs, profiles: DeviceProfiles(profiles: [prior]), measurement: "test")
        #expect(catalog.configurations.allSatisfy { $0.stepTimeError < -0.35 })
        let fitted = try PublishedRunValidator.validate(runs, profiles: DeviceProfiles(profiles: [fit.profile]), measurement: "test")
        #expect(fitted.summary.stepTimeMAPE < 0.1)
        // 128 px gains about 3x from 1 to 8 GPUs, as published; the catalog profile predicts about 6x.
        let scaling = try #require(PublishedRunValidator.scaling(runs, report: fitted).first)
        #expect(abs(scaling.efficiencyErrorPoints) < 5, "\(scaling)")
    }

    @Test func anArchitectureWithoutAnImplementationProfileKeepsTheRooflineAndNoErrorBars() throws {
        var profile = DeviceCatalog.v100_32gb
        profile.execution = ExecutionParameters(implementation: "stylegan2-ada-pytorch", hostSecondsPerKernel: 4e-5, overlap: 0.9,
                                                deviceEfficiencyScale: 0.6)
        profile.validatedError = ValidatedError(basis: "test", errors: [-0.1, 0.1])
        let config = ModelConfig(architecture: .progan, resolution: 128)
        let recipe = TrainingRecipe.official(for: .progan, batchPerDevice: 8)
        var roofline = profile
        roofline.execution = nil
        #expect(try Inspection(config: config, recipe: recipe, device: profile).stepSeconds
            == Inspection(config: config, recipe: recipe, device: roofline).stepSeconds)
        #expect(try Inspection(config: config, recipe: recipe, device: profile).stepSecondsInterval == nil)
        #expect(profile.validatedError(for: .stylegan2, recipe: TrainingRecipe.official(for: .stylegan2, batchPerDevice: 8)) != nil)
    }

    @Test func aValidatedProfileGivesEveryTimeItsErrorBars() throws {
        let errors = [-0.12, 0.03, 0.098]
        let validated = ValidatedError(basis: "test", errors: errors)
        #expect(validated.runs == 3 && isClose(validated.meanAbsoluteError, 0.248 / 3, absolute: 1e-12))
        // A prediction 12% low and one 9.8% high bound the measured time the prediction stands for.
        #expect(validated.interval(seconds: 1) == [1 / 1.098, 1 / 0.88])
        // A validated profile without a GPU execution model: its errors apply to every architecture.
        var profile = DeviceCatalog.v100_32gb
        profile.execution = nil
        profile.validatedError = validated
        let config = ModelConfig(architecture: .dcgan, resolution: 64)
        let recipe = TrainingRecipe.official(for: .dcgan, batchPerDevice: 32)
        let inspected = try Inspection(config: config, recipe: recipe, device: profile)
        #expect(inspected.stepSecondsInterval == validated.interval(seconds: inspected.stepSeconds))
        #expect(try Inspection(config: config, recipe: recipe, device: DeviceCatalog.v100_32gb).stepSecondsInterval == nil)
        let yaml = "model: {architecture: dcgan, resolution: 64}\nrecipe: {batchPerDevice: 32}\ncluster: {topology: dgx1-v100, devices: 8}\nsimulate: {iterations: 2}\n"
        let simulated = try TrainingScenario(yaml: yaml, defaultName: "bars", profiles: DeviceProfiles(profiles: [profile])).simulate()
        #expect(simulated.iterationSecondsInterval == validated.interval(seconds: simulated.iterationSeconds))
        #expect(try TrainingScenario(yaml: yaml, defaultName: "bars").simulate().iterationSecondsInterval == nil)
    }
}
