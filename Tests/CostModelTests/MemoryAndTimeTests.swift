import CostModel
import TestSupport
import Workload
import Testing

/// Memory arithmetic and the roofline.
@Suite struct MemoryAndTimeTests {
    let dcgan = try! ModelConfig(architecture: .dcgan, resolution: 64).build()

    @Test func memoryBreakdownArithmetic() {
        let r = TrainingRecipe(batchPerDevice: 16, ema: true)
        let m = MemoryModel(model: dcgan, recipe: r, device: DeviceCatalog.a100_40gb).breakdown()
        let g = dcgan.generator.parameterCount, d = dcgan.discriminator.parameterCount
        #expect(m.weightsBytes == 4 * (g + d))
        #expect(m.gradientBytes == 4 * (g + d))
        #expect(m.optimizerStateBytes == 8 * (g + d))  // Adam: two fp32 moments
        #expect(m.emaBytes == 4 * g)
        #expect(m.runtimeBytes == DeviceCatalog.a100_40gb.runtimeOverheadBytes)
        #expect(m.totalBytes == m.parts.reduce(0) { $0 + $1.bytes })
        // Mixed precision adds a 16-bit working copy and halves activations.
        var half = r
        half.precision = PrecisionPolicy(.fp16)
        let h = MemoryModel(model: dcgan, recipe: half, device: DeviceCatalog.a100_40gb).breakdown()
        #expect(h.weightsBytes == 6 * (g + d))
        #expect(h.activationBytes * 2 == m.activationBytes)
    }

    @Test func cpuTrainerKeepsEveryOutputAndItsGradient() {
        let mm = MemoryModel(model: dcgan, recipe: TrainingRecipe(batchPerDevice: 4), device: DeviceCatalog.developmentVM)
        let b = mm.breakdown()
        func outputs(_ g: Graph, _ batch: Int) -> Int {
            g.ops.filter { $0.kind != .input }.reduce(0) { $0 + batch * $1.outputShape.elementCount * 4 }
        }
        #expect(b.activationBytes == 2 * (outputs(dcgan.generator, 4) + outputs(dcgan.discriminator, 8)))
        // The three convolution scratch buffers at their largest (`ConvolutionLayout`, the development VM's 8-channel
        // blocks): D's second convolution's input and its first one's output (64 x 32 x 32, 8 samples in one
        // chunk), 2 MiB each, and the blocked weights of G's 512 -> 256 and D's 256 -> 512 layers (4 x 4 taps), 8 MiB.
        #expect(b.workspaceBytes == (2 << 20) + (2 << 20) + 512 * 256 * 16 * 4)
    }

    @Test func oneDNNsResidentMemoryCountsForModelsWithConvolutions() throws {
        var device = DeviceCatalog.developmentVM
        let mlp = try ModelConfig(architecture: .mlpGAN, width: 64, latentDim: 4).build()
        let recipe = TrainingRecipe(batchPerDevice: 4)
        let before = (MemoryModel(model: dcgan, recipe: recipe, device: device).breakdown().runtimeBytes,
                      MemoryModel(model: mlp, recipe: recipe, device: device).breakdown().runtimeBytes)
        device.convolutionRuntimeBytes = 5 << 20
        #expect(MemoryModel(model: dcgan, recipe: recipe, device: device).breakdown().runtimeBytes == before.0 + (5 << 20))
        #expect(MemoryModel(model: mlp, recipe: recipe, device: device).breakdown().runtimeBytes == before.1)
        // Accelerators keep their runtime as it is.
        var h100 = DeviceCatalog.h100
        let h100Before = MemoryModel(model: dcgan, recipe: recipe, device: h100).breakdown().runtimeBytes
        h100.convolutionRuntimeBytes = 5 << 20
        #expect(MemoryModel(model: dcgan, recipe: recipe, device: h100).breakdown().runtimeBytes == h100Before)
    }

    @Test func activationsGrowLinearlyWithBatch() {
        let mm = MemoryModel(model: dcgan, recipe: TrainingRecipe(batchPerDevice: 1), device: DeviceCatalog.h100)
        let a1 = mm.breakdown(batchPerDevice: 1).activationBytes
        #expect(mm.breakdown(batchPerDevice: 64).activationBytes == 64 * a1)
    }

    @Test func largestBatchIsTheLargestThatFits() throws {
        let big = try ModelConfig(architecture: .biggan, resolution: 256).build()
        let device = DeviceCatalog.v100_16gb
        let mm = MemoryModel(model: big, recipe: TrainingRecipe.official(for: .biggan, batchPerDevice: 1), device: device)
        let b = mm.largestBatchThatFits()
        #expect(b > 0)
        #expect(mm.breakdown(batchPerDevice: b).totalBytes <= device.memoryBytes)
        #expect(mm.breakdown(batchPerDevice: b + 1).totalBytes > device.memoryBytes)
        let oom = MemoryModel(model: big, recipe: TrainingRecipe.official(for: .biggan, batchPerDevice: b + 1),
                              device: device)
        #expect(!oom.fits)
    }

    @Test func rooflineIsComputeOrMemoryBound() {
        let rl = RooflineModel(device: DeviceCatalog.a100_80gb)
        let d = DeviceCatalog.a100_80gb
        // A huge GEMM: compute bound, close to peak * maxEfficiency.
        let flops = 1 << 40
        let t = rl.seconds(PassCost(flops: flops, bytesRead: 1 << 20, bytesWritten: 0),
                           gemm: GemmShape(m: 8192, n: 8192, k: 8192), precision: .bf16, opClass: .matmul)
        // 64 x 64 = 4,096 blocks on 108 SMs: 38 waves, the last one 101 of 108 full.
        let waves = 4096.0 / (38 * 108)
        #expect(rl.waveEfficiency(GemmShape(m: 8192, n: 8192, k: 8192)) == waves)
        let e = d.computeEfficiency.efficiency(work: Double(flops) / waves)
        #expect(isClose(t, d.launchOverheadSeconds + Double(flops) / (312e12 * waves * e), absolute: 1e-12))
        // A pure copy: memory bound.
        let bytes = 1 << 30
        let c = rl.seconds(PassCost(flops: 0, bytesRead: bytes, bytesWritten: 0), gemm: nil, precision: .bf16, opClass: .elementwise)
        let em = d.memoryEfficiency.efficiency(work: Double(bytes))
        #expect(isClose(c, d.launchOverheadSeconds + Double(bytes) / (2039e9 * em), absolute: 1e-12))
    }

    @Test func tpuPadsMatricesToItsTile() {
        let rl = RooflineModel(device: DeviceCatalog.tpuV3)
        #expect(rl.paddingEfficiency(GemmShape(m: 128, n: 256, k: 128)) == 1)
        #expect(isClose(rl.paddingEfficiency(GemmShape(m: 96, n: 128, k: 3 * 9)), (96.0 * 27) / (128 * 128), absolute: 1e-12))
        #expect(RooflineModel(device: DeviceCatalog.developmentVM).paddingEfficiency(GemmShape(m: 3, n: 5, k: 7)) == 1)
    }

    @Test func analyticStepTimeIsTheSumOfItemTimes() throws {
        let r = TrainingRecipe(batchPerDevice: 32)
        let e = try IterationEstimator(model: dcgan, recipe: r, device: DeviceCatalog.v100_32gb).estimate()
        let rl = RooflineModel(device: DeviceCatalog.v100_32gb)
        let sum = r.workItems(for: dcgan, iteration: 0).reduce(0.0) { $0 + rl.seconds($1) }
        #expect(isClose(e.seconds, sum, absolute: 1e-12))
        #expect(isClose(e.samplesPerSecond, 32 / sum, absolute: 1e-9))
        #expect(e.utilization > 0 && e.utilization < 1)
    }

    @Test func unsupportedPrecisionOnDeviceIsAnError() {
        let r = TrainingRecipe(batchPerDevice: 8, precision: PrecisionPolicy(.bf16))
        #expect(throws: ModelError.self) {
            try IterationEstimator(model: dcgan, recipe: r, device: DeviceCatalog.v100_16gb)
        }
    }
}
