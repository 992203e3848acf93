import CostModel
import TestSupport
import Workload
import Testing
@testable import Simulator
import InputParsing

/// Scenario YAML parsing: defaults, new sections, and errors located at line and column.
@Suite struct TrainingScenarioTests {
    private let base = """
        model:
          architecture: dcgan
          resolution: 64
        cluster:
          topology: dgx1-v100
          devices: 8
        """

    private func error(_ yaml: String) -> ConfigurationError? {
        do { _ = try TrainingScenario(yaml: yaml, defaultName: "t"); return nil } catch let e as ConfigurationError { return e } catch { return nil }
    }

    @Test func defaultsAndNewSections() throws {
        let plain = try TrainingScenario(yaml: base, defaultName: "t")
        #expect(plain.plan.generatorDevices == nil)
        #expect(plain.plan.power == PowerSpec())
        #expect(plain.plan.price == PriceSpec())
        let custom = try TrainingScenario(yaml: base + """

            mode:
              generatorDevices: 3
            power:
              pue: 1.2
              carbonIntensity: 50
            cost:
              pricing: owned
              usdPerKWh: 0.08
            """, defaultName: "t")
        #expect(custom.plan.generatorDevices == 3)
        #expect(custom.plan.power.pue == 1.2)
        #expect(custom.plan.power.gramsCO2PerKWh == 50)
        #expect(custom.plan.price.owned)
        #expect(custom.plan.price.usdPerKWh == 0.08)
        let uneven = try TrainingScenario(yaml: base + "\njitter:\n  deviceCv: 0.04\n", defaultName: "t")
        #expect(uneven.plan.jitter == JitterSpec(deviceCoefficientOfVariation: 0.04))
    }

    @Test func recipeDefaultsAreTheOfficialRecipe() throws {
        func recipe(_ architecture: String, _ recipe: String = "") throws -> TrainingRecipe {
            // StyleGAN3's default 1024 px does not fit 32 images per A100; its 256 px does.
            try TrainingScenario(yaml: """
                model:
                  architecture: \(architecture)\(architecture == "stylegan3" ? "\n  resolution: 256" : "")
                \(recipe)
                cluster:
                  topology: dgx-a100
                  devices: 8
                """, defaultName: "t").plan.recipe
        }
        for architecture in Architecture.allCases {
            #expect(try recipe(architecture.rawValue) == TrainingRecipe.official(for: architecture, batchPerDevice: 32))
        }
        let stylegan = try recipe("stylegan2", "recipe:\n  precision: fp16")
        #expect(stylegan.precision == PrecisionPolicy(.fp16, highestResolutions: 4))
        #expect(stylegan.r1Interval == 16 && stylegan.pathLengthInterval == 4 && stylegan.ema)
        let everywhere = try recipe("stylegan2", "recipe:\n  precision: fp16\n  mixedPrecisionResolutions: 0\n  ema: false")
        #expect(everywhere.precision == PrecisionPolicy(.fp16) && !everywhere.ema)
        #expect(try recipe("biggan", "recipe:\n  precision: bf16").precision == PrecisionPolicy(.bf16))
    }

    @Test func errorsNameFieldValueLineAndColumn() {
        let tooMany = error(base + "\nmode:\n  generatorDevices: 8\n")
        #expect(tooMany?.field == "mode.generatorDevices")
        #expect(tooMany?.value == "8")
        #expect(tooMany?.line == 8)
        #expect(tooMany?.column == 21)
        let pue = error(base + "\npower:\n  pue: 0.5\n")
        #expect(pue?.field == "power.pue")
        #expect(pue?.line == 8)
        let typo = error(base + "\ncost:\n  usdPerHour: 3\n")
        #expect(typo?.field == "cost.usdPerHour")
        #expect(typo?.reason == "unknown field; the cost section takes pricing, usdPerDeviceHour, usdPerNodeHour, usdPerKWh")
        let pricing = error(base + "\ncost:\n  pricing: spot\n")
        #expect(pricing?.field == "cost.pricing")
        #expect(pricing?.value == "spot")
        let asyncSplit = error(base + "\nmode:\n  kind: asynchronous\n  generatorDevices: 2\n")
        #expect(asyncSplit?.field == "mode.kind")
        let notYAML = error("model: [")
        #expect(notYAML?.field == "scenario")
        let spread = error(base + "\njitter:\n  deviceCv: -0.1\n")
        #expect(spread?.field == "jitter.deviceCv")
        #expect(spread?.value == "-0.1")
        #expect(spread?.line == 8)
        let device = error(base.replacingOccurrences(of: "devices: 8", with: "devices: 9"))
        #expect(device?.field == "cluster.devices")
    }

    /// A video GAN's kimg counts frames (StyleGAN-V's `cur_nimg += batch * frames`), its epochs videos, and its data
    /// defaults are per frame; StyleGAN3 reduces one flat bucket per step.
    @Test func videoScenariosCountFramesAndStyleGAN3ReducesOnce() throws {
        func scenario(_ model: String, training: String = "kimg: 24") throws -> TrainingScenario {
            try TrainingScenario(yaml: """
                model: {\(model)}
                recipe: {batchPerDevice: 2}
                cluster: {topology: dgx1-v100, devices: 4}
                training: {\(training)}
                """, defaultName: "v")
        }
        let video = try scenario("architecture: stylegan-v, resolution: 128, frames: 3")
        #expect(video.plan.model.imagesPerSample == 3)
        #expect(video.totalIterations == 24_000 / (2 * 4 * 3))
        #expect(try scenario("architecture: stylegan-v, resolution: 128, frames: 3", training: "epochs: 1, datasetSamples: 800")
            .totalIterations == 100)
        #expect(video.plan.data.encodedBytesPerSample == 3 * DataPipelineSpec.imagenetDefault.encodedBytesPerSample)
        let image = try scenario("architecture: stylegan3, resolution: 128")
        #expect(image.totalIterations == 24_000 / (2 * 4))
        #expect(image.plan.bucketBytes == 1e15)
        #expect(try scenario("architecture: stylegan2, resolution: 128").plan.bucketBytes == 25e6)
        for (model, value) in [("architecture: stylegan-v, resolution: 128, frames: 1", "1"),
                               ("architecture: stylegan2, resolution: 128, frames: 3", "3")] {
            let e = error("model: {\(model)}\ncluster: {topology: dgx1-v100, devices: 1}")
            #expect(e?.field == "model.frames" && e?.value == value && e?.line != nil, "\(String(describing: e))")
        }
    }

    @Test func torusShapesAreParsedOneWayInFilesAndFlags() throws {
        let torus = """
            model: {architecture: dcgan, resolution: 64}
            cluster:
              topology: torus
              devices: 16
              device: a100-80gb
              bandwidth: 25GB/s
              latency: 2us
              torus: TORUS
            """
        let good = try TrainingScenario(yaml: torus.replacingOccurrences(of: "TORUS", with: "4x4"), defaultName: "t")
        #expect(good.topologySpec.torusDimensions == [4, 4])
        for bad in ["4xax4", "4xx4", "4x0", "x"] {
            let e = error(torus.replacingOccurrences(of: "TORUS", with: bad))
            #expect(e?.field == "cluster.torus" && e?.value == bad && e?.line == 8, "\(bad): \(String(describing: e))")
            #expect(throws: ConfigurationError.self) { try TopologySpec.torusDimensions(parsing: bad, field: "--torus") }
        }
    }

    @Test func planChecksNameTheScenarioFields() throws {
        var scenario = try TrainingScenario(yaml: base, defaultName: "t")
        scenario.plan.iterations = 0
        #expect { try scenario.simulate() } throws: { ($0 as? ConfigurationError)?.field == "simulate.iterations" }
        scenario.plan.iterations = 2
        scenario.plan.bucketBytes = 0
        #expect { try scenario.estimate(cache: ScenarioCache()) } throws: { ($0 as? ConfigurationError)?.field == "communication.bucket" }
    }

    @Test func theServersHostCPUIssuesTheKernelsAndAScenarioCanNameAnother() throws {
        let model = "model: {architecture: stylegan2, resolution: 256, preset: auto}\nrecipe: {batchPerDevice: 8, precision: fp16}\n"
        let fitted = try #require(DeviceCatalog.v100_32gb.execution)
        let dgx1 = try TrainingScenario(yaml: model + "cluster: {topology: dgx1-v100, devices: 8}", defaultName: "t")
        #expect(dgx1.hostCPU == .xeonE5_2698v4 && dgx1.plan.device.execution == fitted)
        let a100 = try TrainingScenario(yaml: model + "cluster: {topology: dgx-a100, devices: 8}", defaultName: "t")
        #expect(a100.hostCPU == .epyc7742)
        #expect(isClose(try #require(a100.plan.device.execution).hostSecondsPerKernel / fitted.hostSecondsPerKernel, 3.6 / 3.4, absolute: 1e-12))
        let cloud = try TrainingScenario(yaml: model + "cluster: {topology: dgx1-v100, devices: 8, host: generic-server}", defaultName: "t")
        #expect(cloud.hostCPU == .genericServer)
        #expect(try cloud.estimate(cache: ScenarioCache()).iterationSeconds > dgx1.estimate(cache: ScenarioCache()).iterationSeconds)
        let bad = error(model + "cluster: {topology: dgx1-v100, devices: 8, host: pentium-4}")
        #expect(bad?.field == "cluster.host" && bad?.value == "pentium-4" && bad?.line == 3, "\(String(describing: bad))")
        let wrong = model.replacingOccurrences(of: "precision: fp16", with: "precision: fp16, implementation: biggan-pytorch")
            + "cluster: {topology: dgx1-v100, devices: 8}"
        #expect { try TrainingScenario(yaml: wrong, defaultName: "t").estimate(cache: ScenarioCache()) } throws: {
            ($0 as? ConfigurationError)?.field == "recipe.implementation"
        }
    }
}
