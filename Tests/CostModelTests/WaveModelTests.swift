import CostModel
import Foundation
import TestSupport
import Testing
import Workload

/// Wave quantization of matrix products on GPUs: the fraction of the last wave of thread blocks that does work.
@Suite struct WaveModelTests {
    let v100 = WaveModel(multiprocessors: 80, tileRows: 128, tileColumns: 128)

    @Test func usefulFractionIsTilesOverTheWavesSlots() {
        // 9 x 9 = 81 tiles on 80 SMs: two waves, the second with one block.
        #expect(v100.tiles(GemmShape(m: 9 * 128, n: 9 * 128, k: 64)) == 81)
        #expect(v100.waves(GemmShape(m: 9 * 128, n: 9 * 128, k: 64)) == 2)
        #expect(v100.usefulFraction(GemmShape(m: 9 * 128, n: 9 * 128, k: 64)) == 81.0 / 160)
        // 8 x 10 = 80 tiles: one full wave; 160 and 1,600 too.
        #expect(v100.usefulFraction(GemmShape(m: 8 * 128, n: 10 * 128, k: 64)) == 1)
        #expect(v100.usefulFraction(GemmShape(m: 16 * 128, n: 10 * 128, k: 64)) == 1)
        #expect(v100.usefulFraction(GemmShape(m: 40 * 128, n: 40 * 128, k: 64)) == 1)
        // A small product takes smaller tiles, and a partial tile is a whole block: 129 x 128 is 2 blocks of 128 x 128
        // and 6 of 64 x 64 (under a wave each), so 5 x 4 blocks of 32 x 32.
        #expect(v100.tile(GemmShape(m: 129, n: 128, k: 1)) == (32, 32))
        #expect(v100.tiles(GemmShape(m: 129, n: 128, k: 1)) == 5 * 4)
        #expect(v100.usefulFraction(GemmShape(m: 129, n: 128, k: 1)) == 20.0 / 80)
        // A fully connected layer at batch 4 (m = 4) with 512 outputs: 16 blocks of 32 x 32 on 80 SMs.
        #expect(v100.usefulFraction(GemmShape(m: 4, n: 512, k: 512)) == 16.0 / 80)
        // 161 tiles: 3 waves.
        #expect(v100.usefulFraction(GemmShape(m: 161 * 128, n: 1, k: 1)) == 161.0 / 240)
        // Products larger than any GPU runs (fuzzed widths) neither trap nor leave (0, 1].
        let huge = v100.usefulFraction(GemmShape(m: Int.max / 2, n: Int.max / 2, k: 1))
        #expect(huge > 0 && huge <= 1)
        // A degenerate model never divides by zero.
        #expect(WaveModel(multiprocessors: 0, tileRows: 128, tileColumns: 128).usefulFraction(GemmShape(m: 4, n: 4, k: 4)) == 1)
    }

    @Test func catalogGPUsCarryTheirSMsAndOthersNone() {
        #expect(DeviceCatalog.v100_16gb.waves?.multiprocessors == 80 && DeviceCatalog.v100_32gb.waves?.multiprocessors == 80)
        #expect(DeviceCatalog.a100_40gb.waves?.multiprocessors == 108 && DeviceCatalog.a100_80gb.waves?.multiprocessors == 108)
        #expect(DeviceCatalog.h100.waves?.multiprocessors == 132)
        for gpu in [DeviceCatalog.v100_32gb, DeviceCatalog.a100_80gb, DeviceCatalog.h100] {
            #expect(gpu.waves?.tileRows == 128 && gpu.waves?.tileColumns == 128, "\(gpu.name)")
        }
        for other in [DeviceCatalog.tpuV2, DeviceCatalog.tpuV3, DeviceCatalog.tpuV4, DeviceCatalog.developmentVM] {
            #expect(other.waves == nil, "\(other.name)")
        }
    }

    @Test func profileFilesWithoutWavesLoadWithoutAWaveModel() throws {
        // A profile saved before the field existed (test fixtures, measurements, files users keep): no wave model.
        var object = try #require(try JSONSerialization.jsonObject(with: DeviceCatalog.v100_32gb.jsonData()) as? [String: Any])
        #expect(object["waves"] != nil)
        object.removeValue(forKey: "waves")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gansim-no-waves-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let loaded = try DeviceProfile.load(path: path)
        var expected = DeviceCatalog.v100_32gb
        expected.waves = nil
        #expect(loaded == expected)
        // And one saved with it keeps it.
        try DeviceCatalog.h100.save(path: path)
        #expect(try DeviceProfile.load(path: path).waves == DeviceCatalog.h100.waves)
    }

    @Test func profilesFittedToOpTimingsDropTheWaveModel() {
        // Op timings carry no GEMM shapes: their fitted efficiencies already hold the kernels' waves.
        let fitter = ProfileFitter(base: DeviceCatalog.h100)
        let samples = (0..<12).map { i -> TimingSample in
            let flops = 1 << (20 + i), bytes = 1 << (16 + i)
            let shape = TimingSample(opClass: .convolution, kind: "conv2d", flops: flops, bytes: bytes, precision: .bf16, seconds: 1)
            return TimingSample(opClass: .convolution, kind: "conv2d", flops: flops, bytes: bytes, precision: .bf16,
                                seconds: fitter.predict(shape, overhead: 8e-6, compute: 0.5, memory: 0.6))
        }
        let fitted = fitter.fit(samples).profile
        #expect(fitted.opClasses?[.convolution] != nil)
        #expect(fitted.waves == nil)
        // Without samples nothing is fitted and the base keeps its waves.
        #expect(fitter.fit([]).profile.waves == DeviceCatalog.h100.waves)
    }

    /// The roofline's compute term of a GEMM without waves: padded FLOPs over peak at the curve's efficiency.
    func plainSeconds(_ cost: PassCost, _ gemm: GemmShape, on device: DeviceProfile) -> Double {
        let padded = Double(cost.flops) / RooflineModel(device: device).paddingEfficiency(gemm)
        return device.launchOverheadSeconds + padded / (device.matrixPeak(.fp16)! * device.computeEfficiency.efficiency(work: padded))
    }

    @Test func aDeviceWithoutSMsPricesAsBefore() {
        var plain = DeviceCatalog.v100_32gb
        plain.waves = nil
        let gemm = GemmShape(m: 4, n: 512, k: 512)
        let cost = PassCost(flops: gemm.flops, bytesRead: 1 << 10, bytesWritten: 1 << 10)
        let seconds = RooflineModel(device: plain).seconds(cost, gemm: gemm, precision: .fp16, opClass: .matmul)
        #expect(seconds == plainSeconds(cost, gemm, on: plain))
        #expect(RooflineModel(device: plain).waveEfficiency(gemm) == 1)
        // With the V100's SMs the same product is slower, and a product of whole waves is priced exactly as without.
        #expect(RooflineModel(device: DeviceCatalog.v100_32gb).seconds(cost, gemm: gemm, precision: .fp16, opClass: .matmul) > seconds)
        let whole = GemmShape(m: 8 * 128, n: 10 * 128, k: 4608)
        let big = PassCost(flops: whole.flops, bytesRead: 1 << 20, bytesWritten: 1 << 20)
        #expect(RooflineModel(device: DeviceCatalog.v100_32gb).seconds(big, gemm: whole, precision: .fp16, opClass: .matmul)
            == RooflineModel(device: plain).seconds(big, gemm: whole, precision: .fp16, opClass: .matmul))
        // TPUs have no waves: their price is the plain roofline's.
        let tpu = DeviceCatalog.tpuV3
        let tpuCost = PassCost(flops: gemm.flops, bytesRead: 0, bytesWritten: 0)
        let expected = tpu.launchOverheadSeconds + Double(gemm.flops) / RooflineModel(device: tpu).paddingEfficiency(gemm)
            / (tpu.matrixPeak(.bf16)! * tpu.computeEfficiency.efficiency(work: Double(gemm.flops) / RooflineModel(device: tpu).paddingEfficiency(gemm)))
        #expect(RooflineModel(device: tpu).seconds(tpuCost, gemm: gemm, precision: .bf16, opClass: .matmul) == expected)
    }

    @Test func timeIsAStaircaseOfWavesAndLargeKernelsKeepTheirPrice() {
        let device = DeviceCatalog.v100_32gb
        var plain = device
        plain.waves = nil
        let roofline = RooflineModel(device: device), flat = RooflineModel(device: plain)
        // A convolution with 512 output channels (4 row tiles) over t column tiles: 4t blocks of 128 x 128, 20 per
        // wave from t = 20 (below, fewer than a wave of such blocks, smaller tiles are taken).
        var previous = 0.0, worstRatio = [Int: Double]()
        for t in 20...400 {
            let gemm = GemmShape(m: 512, n: 128 * t, k: 4608)
            let cost = PassCost(flops: gemm.flops, bytesRead: 0, bytesWritten: 0)
            let seconds = roofline.seconds(cost, gemm: gemm, precision: .fp16, opClass: .convolution)
            let without = flat.seconds(cost, gemm: gemm, precision: .fp16, opClass: .convolution)
            // More work never takes less time; within a wave the time is flat, and never below the no-wave price.
            #expect(seconds >= previous * (1 - 1e-12), "t = \(t)")
            if t > 20 && (t - 1) % 20 != 0 { #expect(isClose(seconds, previous, relative: 1e-12), "t = \(t)") }
            #expect(seconds >= without * (1 - 1e-12))
            let wave = (4 * t + 79) / 80
            worstRatio[wave] = max(worstRatio[wave] ?? 0, seconds / without)
            previous = seconds
        }
        // The largest overcharge within a wave count shrinks as the waves grow, and whole waves cost nothing extra.
        for wave in 3...20 { #expect(worstRatio[wave]! < worstRatio[wave - 1]!, "wave \(wave)") }
        #expect(worstRatio[20]! < 1.06)
        let whole = GemmShape(m: 512, n: 128 * 400, k: 4608)
        let cost = PassCost(flops: whole.flops, bytesRead: 0, bytesWritten: 0)
        #expect(roofline.seconds(cost, gemm: whole, precision: .fp16, opClass: .convolution)
            == flat.seconds(cost, gemm: whole, precision: .fp16, opClass: .convolution))
    }

    @Test func styleGANsMappingLayersPayHighResolutionLayersDoNot() throws {
        // StyleGAN2-1024 at 4 images per V100 (the published runs' batch).
        let model = try ModelConfig(architecture: .stylegan2, resolution: 1024, preset: "auto").build()
        let roofline = RooflineModel(device: DeviceCatalog.v100_32gb)
        let ops = model.generator.ops
        let gemms = ops.compactMap { op in op.cost(batch: 4, precision: .fp16).gemm.map { (op, $0) } }
        let mapping = gemms.filter { $0.0.block == "mapping" }
        let top = gemms.filter { $0.0.resolution == 1024 }
        #expect(!mapping.isEmpty && !top.isEmpty)
        // 4 x 512 outputs: 16 blocks of 32 x 32 on 80 SMs.
        for (op, gemm) in mapping { #expect(roofline.waveEfficiency(gemm) <= 16.0 / 80, "\(op.name)") }
        for (op, gemm) in top { #expect(roofline.waveEfficiency(gemm) > 0.99, "\(op.name)") }
    }
}
