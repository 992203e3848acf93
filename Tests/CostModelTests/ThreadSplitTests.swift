import CostModel
import CPUExecution
import TestSupport
import Workload
import Testing

/// Which passes the CPU trainer runs on one thread, and how a CPU profile prices them.
@Suite struct ThreadSplitTests {
    @Test func loopsAndProductsSplitFromTheirThresholds() {
        #expect(ThreadSplit.splitsLoop(count: 8192, costPerItem: 4))
        #expect(!ThreadSplit.splitsLoop(count: 8191, costPerItem: 4))
        #expect(!ThreadSplit.splitsLoop(count: 1, costPerItem: 1 << 20))
        #expect(ThreadSplit.splitsProduct(m: 64, n: 512, k: 512))
        #expect(!ThreadSplit.splitsProduct(m: 64, n: 512, k: 511))
        #expect(!ThreadSplit.splitsProduct(m: 1, n: 1, k: 1 << 26))
    }

    @Test func theChannelBlockIsTheVectorWidth() {
        #expect(VectorUnit.lanes(flags: ["fpu", "avx2", "fma", "avx512f"]).lanes == 16)
        #expect(VectorUnit.lanes(flags: ["fpu", "avx2", "fma"]).lanes == 8)
        #expect(VectorUnit.flags(cpuinfo: "processor\t: 0\nflags\t\t: fpu avx2 fma\n") == ["fpu", "avx2", "fma"])
        #expect(ConvolutionLayout.channelBlock(vectorLanes: 8) == 8)
        // A profile prices by its own CPU's block, whatever the host: the development VM is a Zen 3 (AVX2).
        #expect(DeviceCatalog.developmentVM.convolutionChannelBlock == 8)
        var old = DeviceCatalog.developmentVM
        old.vectorLanes = nil
        #expect(old.convolutionChannelBlock == ConvolutionLayout.assumedChannelBlock)
        #expect(DeviceCatalog.localCPU(LocalCPU.detect()).vectorLanes == VectorUnit.hostLanes)
    }

    @Test func convolutionChunksKeepTheirBlockedCopiesWithin8MiB() {
        // 3 channels are padded to 16: 16 * 64 * 64 * 4 bytes = 256 KiB per sample, 32 samples per 8 MiB.
        #expect(ConvolutionLayout.blockedSampleBytes(channels: 3, height: 64, width: 64, block: 16) == 256 << 10)
        #expect(ConvolutionLayout.blockedSampleBytes(channels: 3, height: 64, width: 64, block: 8) == 128 << 10)
        #expect(ConvolutionLayout.chunkSamples(batch: 128, inputSampleBytes: 256 << 10, outputSampleBytes: 64 << 10) == 32)
        // The larger side decides; the chunk is at least one sample and at most the batch.
        #expect(ConvolutionLayout.chunkSamples(batch: 128, inputSampleBytes: 64 << 10, outputSampleBytes: 1 << 20) == 8)
        #expect(ConvolutionLayout.chunkSamples(batch: 4, inputSampleBytes: 16 << 20, outputSampleBytes: 1) == 1)
        #expect(ConvolutionLayout.chunkSamples(batch: 5, inputSampleBytes: 4, outputSampleBytes: 4) == 5)
    }

    @Test func workItemsCarryTheVerdictOfTheirOp() throws {
        // mlp-gan at batch 64. Width 128: the ReLU forward (8192 elements x 4) splits, its
        // backward (x 2) does not, and the 128x128 linear (2^20 multiply-adds) does not.
        // Width 512: the 512x512 linear (2^24) splits, the 4-wide input layer does not.
        func verdict(width: Int, _ name: String, _ pass: PassKind) throws -> Bool {
            let model = try ModelConfig(architecture: .mlpGAN, width: width, latentDim: 4).build()
            let recipe = TrainingRecipe.official(for: .mlpGAN, batchPerDevice: 64)
            let items = recipe.workItems(for: model, iteration: 0).filter { $0.network == .generator && $0.opID != nil }
            let op = try #require(model.generator.ops.first { $0.name == name })
            let requires = model.generator.gradientRequirements(weights: true, intoInputs: false)
            return try #require(items.first { $0.opID == op.id && $0.pass == pass })
                .splitsAcrossThreads(in: model.generator, requires: requires, optimizer: recipe.optimizer)
        }
        #expect(try verdict(width: 128, "G.relu1", .forward))
        #expect(try !verdict(width: 128, "G.relu1", .backwardInput))
        #expect(try !verdict(width: 128, "G.fc2", .forward))
        #expect(try verdict(width: 512, "G.fc2", .forward))
        #expect(try !verdict(width: 512, "G.fc1", .forward))
    }

    @Test func inlinePassesArePricedOnOneThread() throws {
        var profile = DeviceCatalog.developmentVM
        func params(_ overhead: Double) -> OpClassParameters {
            OpClassParameters(launchOverheadSeconds: overhead,
                              computeEfficiency: EfficiencyCurve(maxEfficiency: 0.5, halfSaturation: 0),
                              memoryEfficiency: EfficiencyCurve(maxEfficiency: 0.5, halfSaturation: 0))
        }
        profile.opClassesByThreads = [1: [.elementwise: params(1e-6)], 2: [.elementwise: params(8e-6)]]
        let one = profile.restricted(toThreads: 1), two = profile.restricted(toThreads: 2)
        // Restricting a restricted profile scales from the cores it stands for.
        #expect(two.restricted(toThreads: 1) == one)
        #expect(one.memoryBandwidth == profile.memoryBandwidth / 2 && two.memoryBandwidth == profile.memoryBandwidth)
        let cost = PassCost(flops: 1000, bytesRead: 4000, bytesWritten: 4000)
        let pricing = try #require(CPUTrainerPricing(device: two))
        let split = pricing.seconds(cost, gemm: nil, precision: .fp32, opClass: .elementwise, splitsAcrossThreads: true)
        let inline = pricing.seconds(cost, gemm: nil, precision: .fp32, opClass: .elementwise, splitsAcrossThreads: false)
        #expect(split == 8e-6 + 8000 / (20e9 * 0.5))
        #expect(inline == 1e-6 + 8000 / (10e9 * 0.5))
        #expect(inline == RooflineModel(device: one).seconds(cost, gemm: nil, precision: .fp32, opClass: .elementwise))
        #expect(split == RooflineModel(device: two).seconds(cost, gemm: nil, precision: .fp32, opClass: .elementwise))
        // Accelerators have no CPU trainer pricing: the general roofline prices every item.
        #expect(CPUTrainerPricing(device: DeviceCatalog.h100) == nil)
    }

    @Test func processesSharingTheCoresGetTheirShareOfThem() throws {
        var profile = DeviceCatalog.developmentVM
        profile.cores = 2
        profile.opClassesByThreads = [1: [.elementwise: OpClassParameters(
            launchOverheadSeconds: 1e-6, computeEfficiency: EfficiencyCurve(maxEfficiency: 0.5, halfSaturation: 0),
            memoryEfficiency: EfficiencyCurve(maxEfficiency: 0.5, halfSaturation: 0))]]
        let cost = PassCost(flops: 1000, bytesRead: 4000, bytesWritten: 4000)
        func seconds(_ p: DeviceProfile) -> Double { RooflineModel(device: p).seconds(cost, gemm: nil, precision: .fp32, opClass: .elementwise) }
        let one = profile.restricted(toThreads: 1)
        // Two 2-thread processes on 2 cores run as 1-thread ones, each holding its state in half the last-level cache;
        // four take turns, each on half a core.
        var halfCache = one
        halfCache.lastLevelCacheBytes = try #require(profile.lastLevelCacheBytes) / 2
        #expect(profile.sharingMachine(processes: 2, threadsEach: 2, coRunningEfficiency: 1) == halfCache)
        #expect(profile.sharingMachine(processes: 4, threadsEach: 1, coRunningEfficiency: 1).lastLevelCacheBytes
            == profile.lastLevelCacheBytes.map { $0 / 4 })
        #expect(isClose(seconds(profile.sharingMachine(processes: 2, threadsEach: 1, coRunningEfficiency: 0.8)) / seconds(one), 1 / 0.8, absolute: 1e-12))
        #expect(isClose(seconds(profile.sharingMachine(processes: 4, threadsEach: 1, coRunningEfficiency: 1)) / seconds(one), 2, absolute: 1e-12))
        // One process is the restricted profile itself.
        #expect(profile.sharingMachine(processes: 1, threadsEach: 2, coRunningEfficiency: 0.5) == profile.restricted(toThreads: 2))
        // Only threads beyond the share wait for a core at each parallel region's end.
        #expect(profile.sharingMachine(processes: 2, threadsEach: 2, coRunningEfficiency: 1, splitSlowdown: 1.7)
            .oversubscribedSplitSlowdown == 1.7)
        #expect(profile.sharingMachine(processes: 2, threadsEach: 1, coRunningEfficiency: 1, splitSlowdown: 1.7)
            .oversubscribedSplitSlowdown == nil)
        #expect(profile.sharingMachine(processes: 4, threadsEach: 1, coRunningEfficiency: 1, splitSlowdown: 1.7)
            .oversubscribedSplitSlowdown == nil)
        // Convolutions take theirs where it differs from the other passes'.
        #expect(profile.sharingMachine(processes: 2, threadsEach: 2, coRunningEfficiency: 1, splitSlowdown: 1.7,
                                       convolutionSplitSlowdown: 2.3).oversubscribedConvolutionSplitSlowdown == 2.3)
        #expect(profile.sharingMachine(processes: 2, threadsEach: 2, coRunningEfficiency: 1, splitSlowdown: 1.7,
                                       convolutionSplitSlowdown: 1.7).oversubscribedConvolutionSplitSlowdown == nil)
        #expect(profile.sharingMachine(processes: 2, threadsEach: 1, coRunningEfficiency: 1, splitSlowdown: 1.7,
                                       convolutionSplitSlowdown: 2.3).oversubscribedConvolutionSplitSlowdown == nil)
        #expect(profile.sharedThreads(processes: 2, threadsEach: 2) == 1)
        #expect(profile.sharedThreads(processes: 1, threadsEach: 2) == 2)
        #expect(profile.sharedThreads(processes: 4, threadsEach: 1) == 1)
    }

    @Test func oversubscribedSplitPassesTakeTheirSlowdownTimesAsLong() throws {
        // DCGAN-32 w16's discriminator, batch 256: its convolutions' passes and its large loops split across the
        // threads, its small ones not; convolutions take theirs once it is measured, the others' before.
        let model = try ModelConfig(architecture: .dcgan, resolution: 32, width: 16).build()
        let graph = model.discriminator
        let profile = DeviceCatalog.developmentVM
        let shared = profile.sharingMachine(processes: 2, threadsEach: 2, coRunningEfficiency: 1)
        var slowed = shared
        slowed.oversubscribedSplitSlowdown = 1.7
        var apart = slowed
        apart.oversubscribedConvolutionSplitSlowdown = 2.3
        let recipe = TrainingRecipe(batchPerDevice: 256)
        let items = recipe.workItems(for: model, iteration: 0).filter { $0.network == .discriminator && $0.opID != nil }
        let requires = graph.gradientRequirements(weights: true, intoInputs: false)
        let plain = try #require(CPUTrainerPricing(device: shared)), slow = try #require(CPUTrainerPricing(device: slowed))
        let both = try #require(CPUTrainerPricing(device: apart))
        var split = (convolutions: 0, others: 0)
        for item in items where !item.cost.isEmpty {
            let base = plain.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer)
            let splits = item.splitsAcrossThreads(in: graph, requires: requires, optimizer: recipe.optimizer)
            let convolution = ConvolutionLayout.runsInOneDNN(graph.ops[try #require(item.opID)])
            if splits { convolution ? (split.convolutions += 1) : (split.others += 1) }
            #expect(isClose(slow.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer),
                            splits ? 1.7 * base : base, relative: 1e-12))
            #expect(isClose(both.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer),
                            splits ? (convolution ? 2.3 : 1.7) * base : base, relative: 1e-12))
        }
        #expect(split.convolutions > 0 && split.others > 0)
        // The machine's measured speed on convolutions scales them alone, split or not.
        var scaled = shared
        scaled.convolutionTimeScale = 0.8
        let measured = try #require(CPUTrainerPricing(device: scaled))
        for item in items where !item.cost.isEmpty {
            let convolution = ConvolutionLayout.runsInOneDNN(graph.ops[try #require(item.opID)])
            #expect(isClose(measured.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer),
                            (convolution ? 0.8 : 1) * plain.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer),
                            relative: 1e-12))
        }
    }

    @Test func aStateBeyondTheCacheStreamsTheLinearLayersWeights() throws {
        let profile = DeviceCatalog.developmentVM.restricted(toThreads: 1)
        let cache = try #require(profile.lastLevelCacheBytes)
        // Within the cache nothing is streamed; beyond it, the share beyond it; an unknown cache streams nothing.
        #expect(try #require(CPUTrainerPricing(device: profile, trainingStateBytes: cache)).streamedWeightShare == 0)
        let streamed = try #require(CPUTrainerPricing(device: profile, trainingStateBytes: 4 * cache))
        #expect(streamed.streamedWeightShare == 0.75)
        var unknown = profile
        unknown.lastLevelCacheBytes = nil
        #expect(try #require(CPUTrainerPricing(device: unknown, trainingStateBytes: 4 * cache)).streamedWeightShare == 0)
        // Each pass of a linear layer reads that share of its weights at the memory bandwidth; other ops are unchanged.
        let model = try ModelConfig(architecture: .mlpGAN, width: 256).build()
        let graph = model.discriminator
        let recipe = TrainingRecipe(batchPerDevice: 64)
        let requires = graph.gradientRequirements(weights: true, intoInputs: false)
        let plain = try #require(CPUTrainerPricing(device: profile))
        var linears = 0
        for item in recipe.workItems(for: model, iteration: 0) where item.network == .discriminator && !item.cost.isEmpty {
            guard let id = item.opID else { continue }
            let added = streamed.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer)
                - plain.seconds(item, graph: graph, requires: requires, optimizer: recipe.optimizer)
            if case .linear(let l) = graph.ops[id].kind {
                linears += 1
                #expect(isClose(added, 0.75 * Double(4 * l.inFeatures * l.outFeatures) / profile.memoryBandwidth, relative: 1e-9))
            } else {
                #expect(added == 0)
            }
        }
        #expect(linears > 0)
    }
}
