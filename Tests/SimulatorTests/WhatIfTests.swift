import CostModel
import Foundation
import Testing
import Workload
@testable import Simulator

/// The seeds' ways to cut training cost, as scenario fields: pruning (channel multipliers) and fine-tuning with FreezeD.
@Suite struct WhatIfTests {
    @Test func channelMultipliersSlimEachNetworkAlone() throws {
        // DCGAN's ngf = ndf = 64: G at half width is the ngf = 32 G; D stays the ndf = 64 D.
        var half = ModelConfig(architecture: .dcgan, resolution: 64)
        half.generatorChannels = 0.5
        let slim = try half.build()
        #expect(slim.generator.parameterCount == (try ModelConfig(architecture: .dcgan, resolution: 64, width: 32).build()).generator.parameterCount)
        #expect(slim.discriminator.parameterCount == (try ModelConfig(architecture: .dcgan, resolution: 64).build()).discriminator.parameterCount)
        // StyleGAN2's channel_base (32768 at 256 px, config-f) halved for D only.
        var dHalf = ModelConfig(architecture: .stylegan2, resolution: 256)
        dHalf.discriminatorChannels = 0.5
        let model = try dHalf.build()
        #expect(model.discriminator.parameterCount == (try ModelConfig(architecture: .stylegan2, resolution: 256, width: 16384).build()).discriminator.parameterCount)
        #expect(model.generator.parameterCount == (try ModelConfig(architecture: .stylegan2, resolution: 256).build()).generator.parameterCount)
        // BigGAN's ch stays a multiple of 8: 96 x 0.3 = 28.8 rounds to 32.
        var biggan = ModelConfig(architecture: .biggan, resolution: 128)
        biggan.generatorChannels = 0.3
        #expect(try biggan.build().generator.parameterCount == (try ModelConfig(architecture: .biggan, resolution: 128, width: 32).build()).generator.parameterCount)
        // Memory follows the parameters.
        let recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 8)
        let full = MemoryModel(model: try ModelConfig(architecture: .stylegan2, resolution: 256).build(), recipe: recipe, device: DeviceCatalog.a100_80gb)
        #expect(MemoryModel(model: model, recipe: recipe, device: DeviceCatalog.a100_80gb).breakdown().weightsBytes < full.breakdown().weightsBytes)
        var bad = ModelConfig(architecture: .dcgan)
        bad.discriminatorChannels = 0
        #expect(throws: ModelError.self) { try bad.build() }
    }

    @Test func freezeDStopsWeightGradientsAndTheDStepsBackwardAtTheFirstTrainableBlock() throws {
        let model = try ModelConfig(architecture: .stylegan2, resolution: 256).build()
        var recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 8)
        recipe.frozenDiscriminatorBlocks = 2
        let d = model.discriminator
        let frozen = recipe.frozenOps(of: .discriminator, in: d)
        #expect(Set(frozen.map { d.ops[$0].block }) == Set(d.blocks.prefix(2)))
        #expect(recipe.frozenOps(of: .generator, in: model.generator).isEmpty)
        let builder = WorkItemBuilder(model: model, recipe: recipe)
        func segment(_ phase: StepPhase, intoInputs: Bool) -> RecipeSegment {
            RecipeSegment(phase: phase, network: .discriminator, kind: .backward(weights: true, intoInputs: intoInputs), batch: 8,
                          step: 0, microBatch: 0, finishesGradients: true)
        }
        // D's own step: no weight gradients and no input gradients in the frozen blocks.
        let dStep = builder.items(for: segment(.discriminator, intoInputs: false))
        #expect(!dStep.contains { $0.opID.map(frozen.contains) ?? false })
        // G's step differentiates through D into G: the frozen blocks pass input gradients, still no weight gradients.
        let gStep = builder.items(for: segment(.generator, intoInputs: true))
        #expect(gStep.contains { $0.pass == .backwardInput && ($0.opID.map(frozen.contains) ?? false) })
        #expect(!gStep.contains { $0.pass == .backwardWeight && ($0.opID.map(frozen.contains) ?? false) })
        // The gradients reduced and the optimizer's parameters are the trainable ones.
        let frozenParameters = frozen.reduce(0) { $0 + d.ops[$1].parameterCount }
        #expect(frozenParameters > 0)
        #expect(dStep.reduce(0) { $0 + $1.gradientBytes } == 4 * (d.parameterCount - frozenParameters))
        let update = builder.items(for: RecipeSegment(phase: .discriminator, network: .discriminator, kind: .update, batch: 0, step: 0,
                                                      microBatch: 0, finishesGradients: false))
        var plain = recipe
        plain.frozenDiscriminatorBlocks = nil
        let fullUpdate = WorkItemBuilder(model: model, recipe: plain).items(for: RecipeSegment(
            phase: .discriminator, network: .discriminator, kind: .update, batch: 0, step: 0, microBatch: 0, finishesGradients: false))
        #expect(update[0].cost.flops * d.parameterCount == fullUpdate[0].cost.flops * (d.parameterCount - frozenParameters))
        // Memory: no gradient buffer or optimizer state for the frozen parameters (Adam: two moments).
        let device = DeviceCatalog.a100_80gb
        let frozenMemory = MemoryModel(model: model, recipe: recipe, device: device).breakdown()
        let fullMemory = MemoryModel(model: model, recipe: plain, device: device).breakdown()
        #expect(fullMemory.gradientBytes - frozenMemory.gradientBytes == 4 * frozenParameters)
        #expect(fullMemory.optimizerStateBytes - frozenMemory.optimizerStateBytes == 8 * frozenParameters)
        #expect(frozenMemory.reservedBytes <= fullMemory.reservedBytes)
    }

    @Test func scenariosPriceTheWhatIfsAndNameBadValues() throws {
        let base = """
            model: {architecture: stylegan2, resolution: 256}
            recipe: {batchPerDevice: 16}
            cluster: {topology: dgx-a100, devices: 8}
            training: {kimg: 500}
            simulate: {iterations: 3}
            """
        let baseline = try TrainingScenario(yaml: base, defaultName: "b").simulate()
        let frozen = try TrainingScenario(yaml: base.replacingOccurrences(of: "{batchPerDevice: 16}", with: "{batchPerDevice: 16, frozenDiscriminatorBlocks: 3}"), defaultName: "f").simulate()
        #expect(frozen.iterationSeconds < baseline.iterationSeconds)
        #expect(frozen.cost.totalUSD < baseline.cost.totalUSD)
        let slim = try TrainingScenario(yaml: base.replacingOccurrences(of: "resolution: 256}", with: "resolution: 256, generatorChannels: 0.5, discriminatorChannels: 0.5}"), defaultName: "s").simulate()
        #expect(slim.iterationSeconds < baseline.iterationSeconds)
        #expect(slim.energy.co2Kg < baseline.energy.co2Kg)
        func message(_ yaml: String) -> String {
            do { _ = try TrainingScenario(yaml: yaml, defaultName: "x"); return "no error" } catch { return "\(error)" }
        }
        #expect(message(base.replacingOccurrences(of: "{batchPerDevice: 16}", with: "{batchPerDevice: 16, frozenDiscriminatorBlocks: 7}")).contains("recipe.frozenDiscriminatorBlocks"))
        #expect(message(base.replacingOccurrences(of: "resolution: 256}", with: "resolution: 256, generatorChannels: -1}")).contains("model.generatorChannels"))
    }
}
