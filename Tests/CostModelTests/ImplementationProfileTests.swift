import CostModel
import Testing
import Workload

/// The stylegan2-ada-pytorch implementation profile against the counts of `../shared/workloads/stylegan2-ada-pytorch.md`.
@Suite struct ImplementationProfileTests {
    private let implementation = ImplementationProfile.stylegan2AdaPyTorch

    private func model(_ resolution: Int) throws -> GANModel {
        try ModelConfig(architecture: .stylegan2, resolution: resolution, preset: "auto").build()
    }

    @Test func parameterTensorsMatchTheOfficialNetworks() throws {
        // The sheet's optimizer rows: G 84 and D 33 tensors at 128 px (map 2), G 126 and D 48 at 1024 px.
        #expect(try model(128).generator.parameterTensorCount == 84)
        #expect(try model(128).discriminator.parameterTensorCount == 33)
        #expect(try model(1024).generator.parameterTensorCount == 126)
        #expect(try model(1024).discriminator.parameterTensorCount == 48)
    }

    /// Forward kernels of one network at the official mixed precision (fp16 in the 4 highest resolutions).
    private func forwardKernels(_ resolution: Int, _ role: NetworkRole, block: (String) -> Bool = { _ in true }) throws -> Double {
        let model = try model(resolution)
        let recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4, precision: .fp16)
        let segment = RecipeSegment(phase: .generator, network: role, kind: .forward, batch: 4, step: 0, microBatch: 0, finishesGradients: false)
        let graph = model.graph(role)
        return WorkItemBuilder(model: model, recipe: recipe).items(for: segment)
            .filter { block(graph.ops[$0.opID!].block) }
            .reduce(0) { $0 + implementation.kernels(of: $1, graph: graph) }
    }

    @Test func forwardLaunchesAreWithinTenPercentOfTheSheet() throws {
        // Plain forwards in the sheet: synthesis 300 (128 px) and 405 (1024 px), D 104 and 140, mapping 17 (map 2).
        let synthesis128 = try forwardKernels(128, .generator) { $0 != "mapping" }
        let synthesis1024 = try forwardKernels(1024, .generator) { $0 != "mapping" }
        #expect(abs(synthesis128 / 300 - 1) < 0.1, "synthesis at 128 px: \(synthesis128)")
        #expect(abs(synthesis1024 / 405 - 1) < 0.1, "synthesis at 1024 px: \(synthesis1024)")
        let d128 = try forwardKernels(128, .discriminator), d1024 = try forwardKernels(1024, .discriminator)
        #expect(abs(d128 / 104 - 1) < 0.1, "D at 128 px: \(d128)")
        #expect(abs(d1024 / 140 - 1) < 0.1, "D at 1024 px: \(d1024)")
        let mapping = try forwardKernels(128, .generator) { $0 == "mapping" }
        #expect(abs(mapping / 17 - 1) < 0.25, "mapping: \(mapping)")
    }

    @Test func anUnknownImplementationIsAnErrorNamingTheKnownOnes() {
        #expect(throws: ModelError.self) { try ImplementationProfile.named("tensorflow-1.14") }
        let execution = ExecutionParameters(implementation: "x", hostSecondsPerKernel: 1e-5, overlap: 0.25, deviceEfficiencyScale: 0.5)
        // Host 1 ms, device 4 ms at half efficiency: max + (1 - overlap) x min.
        #expect(abs(execution.segmentSeconds(deviceSeconds: 2e-3, kernels: 100) - (4e-3 + 0.75 * 1e-3)) < 1e-15)
    }

    @Test func dataParallelBackwardsLaunchDDPKernels() throws {
        // About 2 kernels per synced parameter tensor and 2 per 25 MB bucket (the sheet's DDP line).
        #expect(implementation.dataParallelKernels(tensors: 84, gradientBytes: 60e6) == 2 * 84 + 2 * 3)
        #expect(implementation.dataParallelKernels(tensors: 84, gradientBytes: 0) == 0)
        let model = try model(128)
        let recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 8, precision: .fp16)
        let device = DeviceCatalog.v100_32gb
        let backward = RecipeSegment(phase: .generator, network: .generator, kind: .backward(weights: true, intoInputs: false),
                                     batch: 8, step: 0, microBatch: 0, finishesGradients: true)
        let alone = SegmentPricer(model: model, recipe: recipe, device: device).price(backward)
        let replicated = SegmentPricer(model: model, recipe: recipe, device: device, replicated: [.generator]).price(backward)
        #expect(replicated.kernels == alone.kernels + implementation.dataParallelKernels(
            tensors: model.generator.parameterTensorCount, gradientBytes: Double(4 * model.generator.parameterCount)))
        #expect(replicated.seconds > alone.seconds)
    }
}
