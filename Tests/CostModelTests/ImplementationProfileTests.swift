import CostModel
import TestSupport
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
        #expect(isClose(synthesis128, 300, relative: 0.1), "synthesis at 128 px: \(synthesis128)")
        #expect(isClose(synthesis1024, 405, relative: 0.1), "synthesis at 1024 px: \(synthesis1024)")
        let d128 = try forwardKernels(128, .discriminator), d1024 = try forwardKernels(1024, .discriminator)
        #expect(isClose(d128, 104, relative: 0.1), "D at 128 px: \(d128)")
        #expect(isClose(d1024, 140, relative: 0.1), "D at 1024 px: \(d1024)")
        let mapping = try forwardKernels(128, .generator) { $0 == "mapping" }
        #expect(isClose(mapping, 17, relative: 0.25), "mapping: \(mapping)")
    }

    /// Kernels of one iteration with every lazy regulariser, per phase of the sheet (Gmain, Greg, Dmain, Dreg, the
    /// optimizers), at the official mixed precision.
    private func phaseKernels(_ resolution: Int, preset: String, augment: Bool = true) throws -> [String: Double] {
        let model = try ModelConfig(architecture: .stylegan2, resolution: resolution, preset: preset).build()
        let recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4, precision: .fp16)
        var implementation = implementation
        if !augment {
            implementation.augmentKernelsPerInput = 0
            implementation.augmentBackwardKernelsPerInput = 0
            implementation.augmentDoubleBackwardKernelsPerInput = 0
        }
        let builder = WorkItemBuilder(model: model, recipe: recipe)
        var phases: [String: Double] = [:]
        for segment in recipe.segments(iteration: 0) {
            let kernels = implementation.kernels(of: segment, items: builder.items(for: segment), graph: model.graph(segment.network))
            switch segment.kind {
            case .update: phases["\(segment.network.rawValue) optimizer", default: 0] += kernels
            case .ema: phases["G_ema", default: 0] += kernels
            default:
                let names: [StepPhase: String] = [.generator: "Gmain", .pathLength: "Greg", .discriminator: "Dmain", .r1: "Dreg"]
                phases[names[segment.phase]!, default: 0] += kernels
            }
        }
        return phases
    }

    @Test func phaseLaunchesAreWithinTenPercentOfTheSheet() throws {
        // The sheet's table: (resolution, cfg, augmentation) -> Gmain, Greg, Dmain, Dreg; the optimizer rows are
        // per phase, and an iteration with both regularisers runs two G and two D updates.
        let rows: [(Int, String, Bool, [String: Double])] = [
            (1024, "auto", true, ["Gmain": 1991, "Greg": 3273, "Dmain": 1733, "Dreg": 942, "G optimizer": 2 * 1134, "D optimizer": 2 * 432]),
            (1024, "paper1024", true, ["Gmain": 2123, "Greg": 3405, "Dmain": 1781, "Dreg": 942, "G optimizer": 2 * 1242]),
            (1024, "paper1024", false, ["Gmain": 1857, "Greg": 3405, "Dmain": 1263, "Dreg": 659]),
            (256, "paper256", true, ["Gmain": 1857, "Greg": 2875, "Dmain": 1585, "Dreg": 832, "G optimizer": 2 * 990, "D optimizer": 2 * 342]),
            (128, "auto", true, ["Gmain": 1592, "Greg": 2478, "Dmain": 1439, "Dreg": 777, "G optimizer": 2 * 756, "D optimizer": 2 * 297]),
            (128, "auto", false, ["Gmain": 1326, "Greg": 2478, "Dmain": 921, "Dreg": 494]),
        ]
        for (resolution, preset, augment, sheet) in rows {
            let ours = try phaseKernels(resolution, preset: preset, augment: augment)
            for (phase, count) in sheet {
                let mine = try #require(ours[phase])
                #expect(isClose(mine, count, relative: 0.1), "\(phase) at \(resolution) px \(preset) augment \(augment): \(mine) vs \(count)")
            }
        }
    }

    @Test func anUnknownImplementationIsAnErrorNamingTheKnownOnes() {
        #expect(throws: ModelError.self) { try ImplementationProfile.named("tensorflow-1.14") }
        let execution = ExecutionParameters(implementation: "x", hostSecondsPerKernel: 1e-5, overlap: 0.25, deviceEfficiencyScale: 0.5)
        // Host 1 ms, device 4 ms at half efficiency: max + (1 - overlap) x min.
        #expect(isClose(execution.segmentSeconds(deviceSeconds: 2e-3, kernels: 100), 4e-3 + 0.75 * 1e-3, absolute: 1e-15))
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
        let replicated = SegmentPricer(model: model, recipe: recipe, device: device, replicas: [.generator: 8]).price(backward)
        #expect(replicated.kernels == alone.kernels + implementation.dataParallelKernels(
            tensors: model.generator.parameterTensorCount, gradientBytes: Double(4 * model.generator.parameterCount)))
        #expect(replicated.seconds > alone.seconds)
    }
}
