import CostModel
import Workload
import Testing

/// The anatomy of a GAN iteration as work items.
@Suite struct RecipeTests {
    let dcgan = try! ModelConfig(architecture: .dcgan, resolution: 64).build()

    func items(_ r: TrainingRecipe, iteration: Int = 0, model: GANModel? = nil) -> [WorkItem] {
        r.workItems(for: model ?? dcgan, iteration: iteration)
    }

    @Test func oneDStepThenOneGStep() {
        let w = items(TrainingRecipe(batchPerDevice: 8))
        let g = dcgan.generator.ops.count - 1, d = dcgan.discriminator.ops.count - 1  // minus the input op
        // D step: G forward (8), D forward (16), D backward; then D optimizer.
        #expect(w.prefix(g).allSatisfy { $0.network == .generator && $0.pass == .forward && $0.batch == 8 })
        #expect(w[g..<(g + d)].allSatisfy { $0.network == .discriminator && $0.pass == .forward && $0.batch == 16 })
        let updates = w.filter { $0.pass == .optimizer }
        #expect(updates.map(\.network) == [.discriminator, .generator])
        // The G step computes no D weight gradients, the D step no gradient into the images.
        #expect(!w.contains { $0.phase == .generator && $0.network == .discriminator && $0.pass == .backwardWeight })
        let firstConvD = dcgan.discriminator.ops[1].id
        #expect(!w.contains { $0.phase == .discriminator && $0.opID == firstConvD && $0.pass == .backwardInput })
        #expect(w.contains { $0.phase == .generator && $0.opID == firstConvD && $0.pass == .backwardInput
            && $0.network == .discriminator })
        #expect(!w.contains { $0.pass == .ema })
    }

    @Test func gradientBytesCoverEveryParameterOncePerStep() {
        let r = TrainingRecipe(batchPerDevice: 4, accumulation: 3, discriminatorSteps: 2)
        let w = items(r)
        func gradBytes(_ net: NetworkRole) -> Int {
            w.filter { $0.network == net }.reduce(0) { $0 + $1.gradientBytes }
        }
        #expect(gradBytes(.discriminator) == 2 * 4 * dcgan.discriminator.parameterCount)
        #expect(gradBytes(.generator) == 4 * dcgan.generator.parameterCount)
        // Accumulation repeats the passes: 2 D steps x 3 micro-batches of D backward weights.
        let dWeight = w.filter { $0.network == .discriminator && $0.pass == .backwardWeight }
        #expect(dWeight.count == 2 * 3 * dcgan.discriminator.ops.filter(\.hasParameters).count)
        #expect(Set(dWeight.map(\.microBatch)) == [0, 1, 2])
    }

    @Test func lazyRegularisationRunsOnItsInterval() throws {
        let sg = try ModelConfig(architecture: .stylegan2, resolution: 128, preset: "auto").build()
        let r = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4)
        #expect(r.period == 16)
        let phases = (0..<16).map { i in Set(r.workItems(for: sg, iteration: i).map(\.phase)) }
        #expect(phases.filter { $0.contains(.r1) }.count == 1)
        #expect(phases.filter { $0.contains(.pathLength) }.count == 4)
        #expect(r.workItems(for: sg, iteration: 0).contains { $0.pass == .ema })
        // Path length runs at half the batch (pl_batch_shrink 2).
        #expect(r.workItems(for: sg, iteration: 0).filter { $0.phase == .pathLength && $0.opID != nil }
            .allSatisfy { $0.batch == 2 })
    }

    @Test func mixedPrecisionOnlyInTheHighestResolutions() throws {
        let sg = try ModelConfig(architecture: .stylegan2, resolution: 256, preset: "auto").build()
        let r = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4, precision: .fp16)
        let items = r.workItems(for: sg, iteration: 1)
        for item in items where item.opID != nil {
            let op = sg.graph(item.network).ops[item.opID!]
            // 4 highest of 256: 32, 64, 128, 256.
            #expect(item.precision == (op.resolution >= 32 ? .fp16 : .fp32), "\(op.name)")
        }
    }

    @Test func invalidRecipesNameTheField() {
        #expect(throws: ModelError.invalid(field: "batch", value: "0", expected: "a positive integer")) {
            try TrainingRecipe(batchPerDevice: 0).validate()
        }
        #expect(throws: ModelError.invalid(field: "accumulation", value: "-1", expected: "a positive integer")) {
            try TrainingRecipe(accumulation: -1).validate()
        }
    }
}
