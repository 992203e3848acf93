import CostModel
import TestSupport
import Testing
import Workload

/// Choosing an implementation profile, BigGAN-PyTorch's launches, the compiled what-if and the double backward.
@Suite struct ImplementationChoiceTests {
    private let v100 = DeviceCatalog.v100_32gb

    @Test func bigganPyTorchNormalisesEverySpectralNormWeightOnEveryForward() throws {
        // The sheet: 41 spectrally normalised layers in G and 23 in D (gansim's D leaves out the projection's
        // SNEmbedding, an op without a spectral-norm flag).
        let model = try ModelConfig(architecture: .biggan, resolution: 128).build()
        #expect(model.generator.ops.reduce(0) { $0 + $1.kind.spectrallyNormalisedWeights } == 41)
        let d = model.discriminator.ops.reduce(0) { $0 + $1.kind.spectrallyNormalisedWeights }
        #expect(d >= 21 && d <= 23, "D: \(d)")
        let implementation = ImplementationProfile.bigganPyTorch
        let conv = try #require(model.generator.ops.first { $0.kind.spectrallyNormalisedWeights == 1 && $0.kind.name == "conv2d" })
        #expect(implementation.forwardKernels(of: conv, precision: .fp32) == 1 + 13)
        #expect(ImplementationProfile.official(for: .biggan) == implementation)
    }

    @Test func aRecipeChoosesItsImplementationAndAMismatchIsRefused() throws {
        let model = try ModelConfig(architecture: .stylegan2, resolution: 256, preset: "auto").build()
        var recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 8, precision: .fp16)
        let eager = try IterationEstimator(model: model, recipe: recipe, device: v100).estimate()
        recipe.implementation = "compiled"
        let compiled = try IterationEstimator(model: model, recipe: recipe, device: v100).estimate()
        // Fused launches, issued once per pass: fewer kernels and no longer than the eager step.
        #expect(try #require(compiled.kernels) < 0.2 * (try #require(eager.kernels)))
        #expect(compiled.seconds < eager.seconds)
        // A what-if the validation never saw carries no error bars.
        #expect(v100.validatedError(for: .stylegan2, recipe: recipe) == nil)
        recipe.implementation = "biggan-pytorch"
        #expect(throws: ModelError.self) { try IterationEstimator(model: model, recipe: recipe, device: v100) }
        recipe.implementation = "gansim-cpu"
        #expect(throws: ModelError.self) { try IterationEstimator(model: model, recipe: recipe, device: v100) }
        recipe.implementation = "tensorflow-1.14"
        #expect(throws: ModelError.self) { try IterationEstimator(model: model, recipe: recipe, device: v100) }
    }

    @Test func anotherImplementationThanTheFittedOneWidensTheErrorBars() throws {
        let recipe = TrainingRecipe.official(for: .biggan, batchPerDevice: 32)
        let fitted = try #require(v100.validatedError)
        let transferred = try #require(v100.validatedError(for: .biggan, recipe: recipe))
        #expect(transferred.transferredFrom == "stylegan2-ada-pytorch")
        #expect(transferred.lowestError < fitted.lowestError && transferred.highestError > fitted.highestError)
    }

    @Test func aDoubleBackwardIsOneForwardAndAFullBackwardOfWork() throws {
        let model = try ModelConfig(architecture: .stylegan2, resolution: 128, preset: "auto").build()
        let recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4)
        let builder = WorkItemBuilder(model: model, recipe: recipe)
        func segment(_ kind: RecipeSegment.Kind) -> RecipeSegment {
            RecipeSegment(phase: .r1, network: .discriminator, kind: kind, batch: 4, step: 0, microBatch: 0, finishesGradients: true)
        }
        let double = builder.cost(of: segment(.doubleBackward))
        let parts = builder.cost(of: segment(.forward)) + builder.cost(of: segment(.backward(weights: true, intoInputs: true)))
        #expect(double.flops == parts.flops && double.bytes == parts.bytes)
        // R1's penalty: forward, the create_graph input gradient, the double backward, D's update.
        let r1 = recipe.segments(iteration: 0).filter { $0.phase == .r1 }.map(\.kind)
        #expect(r1 == [.forward, .backward(weights: false, intoInputs: true), .doubleBackward, .update])
    }

    @Test func hostTimeFollowsTheServersCPU() throws {
        let execution = try #require(v100.execution)
        #expect(execution.host == HostCPU.xeonE5_2698v4.name)
        let epyc = try execution.onHost(.epyc7742)
        #expect(isClose(epyc.hostSecondsPerKernel / execution.hostSecondsPerKernel, 3.6 / 3.4, absolute: 1e-12))
        #expect(epyc.host == "epyc-7742" && epyc.overlap == execution.overlap)
        // Rescaling is relative to the fitted host, so it does not compound.
        #expect(isClose(try epyc.onHost(.xeonE5_2698v4).hostSecondsPerKernel, execution.hostSecondsPerKernel, absolute: 1e-18))
        var untied = execution
        untied.host = nil
        #expect(try untied.onHost(.epyc7742) == untied)
        #expect(throws: ModelError.self) { try HostCPU.named("pentium-4") }
    }

    @Test func dataParallelInOneProcessIssuesEveryReplicasForwardAndReducesEveryBackward() throws {
        let model = try ModelConfig(architecture: .biggan, resolution: 128).build()
        let recipe = TrainingRecipe.official(for: .biggan, batchPerDevice: 32)
        #expect(recipe.accumulation == 8 && recipe.discriminatorSteps == 1)
        func segment(_ kind: RecipeSegment.Kind, finishes: Bool = false) -> RecipeSegment {
            RecipeSegment(phase: .discriminator, network: .discriminator, kind: kind, batch: 64, step: 0, microBatch: 0,
                          finishesGradients: finishes)
        }
        let alone = SegmentPricer(model: model, recipe: recipe, device: v100)
        let dataParallel = SegmentPricer(model: model, recipe: recipe, device: v100, replicas: [.discriminator: 8])
        // nn.DataParallel: the replicas' forwards are issued one after another by one host, so the forward is host bound
        // and slower; the device work is the same.
        let forward = segment(.forward)
        #expect(dataParallel.price(forward).seconds > alone.price(forward).seconds)
        #expect(dataParallel.price(forward).flops == alone.price(forward).flops)
        // Every backward reduces D's fp32 gradients onto the first device, not only the step's last micro-batch: half
        // an all-reduce's bytes per device.
        let backward = segment(.backward(weights: true, intoInputs: false))
        let reduced = dataParallel.price(backward).items.reduce(0) { $0 + $1.gradientBytes }
        #expect(reduced == 2 * model.discriminator.parameterCount)
        #expect(dataParallel.replicationBytes(of: forward) == 4 * Double(model.discriminator.parameterCount))
        #expect(alone.replicationBytes(of: forward) == 0)
        #expect(alone.price(backward).items.allSatisfy { $0.gradientBytes == 0 })
        // DistributedDataParallel (stylegan2-ada-pytorch) reduces only in the backward that finishes the step.
        let stylegan = try ModelConfig(architecture: .stylegan2, resolution: 128, preset: "auto").build()
        let ddp = SegmentPricer(model: stylegan, recipe: .official(for: .stylegan2, batchPerDevice: 8), device: v100, replicas: [.discriminator: 8])
        #expect(ddp.price(backward).items.allSatisfy { $0.gradientBytes == 0 })
    }
}
