import CostModel
import TestSupport
import Workload
import Testing

/// The 2026 devices hold the figures of ../shared/hardware/devices.md, and fp8 prices matrix products at the fp8 peak.
@Suite struct DeviceCatalog2026Tests {
    /// One device's sourced figures: dense peaks in TFLOPS, memory in decimal GB, bandwidth in bytes per second, TDP,
    /// SMs and price per hour.
    struct Expected: Sendable, CustomTestStringConvertible {
        let name: String
        let tflops: [Precision: Double]
        let memoryGB: Double
        let bandwidth: Double
        let watts: Double
        let multiprocessors: Int?
        let usdPerHour: Double
        var testDescription: String { name }
    }

    static let expected: [Expected] = [
        Expected(name: "h200", tflops: [.fp32: 66.9, .tf32: 494.7, .bf16: 989.4, .fp16: 989.4, .fp8: 1979], memoryGB: 141,
                 bandwidth: 4.8e12, watts: 700, multiprocessors: 132, usdPerHour: 8.00),
        Expected(name: "b200", tflops: [.fp32: 75, .tf32: 1100, .bf16: 2250, .fp16: 2250, .fp8: 4500], memoryGB: 180,
                 bandwidth: 8e12, watts: 1000, multiprocessors: 148, usdPerHour: 14.24),
        Expected(name: "gb200", tflops: [.fp32: 80, .tf32: 1250, .bf16: 2500, .fp16: 2500, .fp8: 5000], memoryGB: 186,
                 bandwidth: 8e12, watts: 1200, multiprocessors: 148, usdPerHour: 10.50),
        Expected(name: "h100-pcie", tflops: [.fp32: 51, .tf32: 378, .bf16: 756, .fp16: 756, .fp8: 1513], memoryGB: 80,
                 bandwidth: 2.0e12, watts: 350, multiprocessors: 114, usdPerHour: 2.86),
        Expected(name: "l40s", tflops: [.fp32: 91.6, .tf32: 183, .bf16: 362, .fp16: 362, .fp8: 733], memoryGB: 48,
                 bandwidth: 864e9, watts: 350, multiprocessors: 142, usdPerHour: 1.86),
        Expected(name: "l4", tflops: [.fp32: 30.3, .tf32: 60, .bf16: 121, .fp16: 121, .fp8: 242], memoryGB: 24,
                 bandwidth: 300e9, watts: 72, multiprocessors: 58, usdPerHour: 0.55),
        Expected(name: "a10g", tflops: [.fp32: 31, .tf32: 35, .bf16: 70, .fp16: 70], memoryGB: 24,
                 bandwidth: 600e9, watts: 300, multiprocessors: 80, usdPerHour: 1.01),
        Expected(name: "rtx-4090", tflops: [.fp32: 82.6, .tf32: 82.6, .bf16: 165, .fp16: 165, .fp8: 330], memoryGB: 24,
                 bandwidth: 1008e9, watts: 450, multiprocessors: 128, usdPerHour: 0.69),
        Expected(name: "mi300x", tflops: [.fp32: 163.4, .tf32: 653.7, .bf16: 1307, .fp16: 1307, .fp8: 2615], memoryGB: 192,
                 bandwidth: 5.3e12, watts: 750, multiprocessors: 304, usdPerHour: 1.71),
        // TPUs: fp32 as 6 bf16 passes, as the older TPU entries.
        Expected(name: "tpu-v5e", tflops: [.bf16: 197, .fp32: 197.0 / 6], memoryGB: 16, bandwidth: 819e9,
                 watts: 192 * 197 / 275, multiprocessors: nil, usdPerHour: 1.20),
        Expected(name: "tpu-v5p", tflops: [.bf16: 459, .fp32: 459.0 / 6, .fp8: 459], memoryGB: 95, bandwidth: 2765e9,
                 watts: 192 * 459 / 275, multiprocessors: nil, usdPerHour: 4.20),
        Expected(name: "tpu-v6e", tflops: [.bf16: 918, .fp32: 918.0 / 6], memoryGB: 32, bandwidth: 1638e9,
                 watts: 192 * 918 / 275, multiprocessors: nil, usdPerHour: 2.70),
    ]

    @Test(arguments: expected)
    func deviceHoldsItsSourcedFigures(_ e: Expected) throws {
        let d = try DeviceCatalog.profile(named: e.name)
        #expect(Set(d.matrixPeakFLOPS.keys) == Set(e.tflops.keys))
        for (precision, tflops) in e.tflops {
            #expect(isClose(d.matrixPeakFLOPS[precision]!, tflops * 1e12, relative: 1e-9), "\(precision)")
        }
        #expect(d.memoryBytes == Int(e.memoryGB * 1e9))
        #expect(d.memoryBandwidth == e.bandwidth)
        #expect(isClose(d.busyWatts, e.watts, absolute: 1e-9))
        #expect(d.idleWatts < d.busyWatts)
        #expect(d.waves?.multiprocessors == e.multiprocessors)
        #expect(d.usdPerHour == e.usdPerHour)
        #expect(d.source.contains("devices.md"))
        // GPUs carry the V100's execution model transferred; TPUs are priors.
        #expect((d.execution != nil) == (d.kind == .gpu))
        #expect((d.validatedError?.transferredFrom != nil) == (d.kind == .gpu))
    }

    @Test func everyCatalogDeviceNamesItsSourceAndIsListedOnce() {
        #expect(Set(DeviceCatalog.all.map(\.name)).count == DeviceCatalog.all.count)
        for d in DeviceCatalog.all { #expect(!d.source.isEmpty, "\(d.name)") }
        for name in Self.expected.map(\.name) { #expect(DeviceCatalog.all.contains { $0.name == name }, "\(name)") }
    }

    @Test func unverifiedAndAssumedFiguresSaySo() throws {
        #expect(try DeviceCatalog.profile(named: "a10g").source.contains("unverified"))
        for name in ["l40s", "a10g", "rtx-4090"] {
            #expect(try DeviceCatalog.profile(named: name).source.contains("price assumed"), "\(name)")
        }
        for name in ["tpu-v5e", "tpu-v5p", "tpu-v6e"] {
            let source = try DeviceCatalog.profile(named: name).source
            #expect(source.contains("TDP assumed") && source.contains("price unverified"), "\(name)")
        }
    }

    @Test(arguments: [("rtx4090", "rtx-4090"), ("h100pcie", "h100-pcie"), ("mi300", "mi300x"), ("tpuv5e", "tpu-v5e"),
                      ("tpuv5p", "tpu-v5p"), ("tpuv6e", "tpu-v6e"), ("trillium", "tpu-v6e"), ("h200-sxm", "h200"), ("B200", "b200")])
    func aliasesNameTheSameDevice(alias: String, name: String) throws {
        #expect(try DeviceCatalog.profile(named: alias).name == name)
    }

    @Test func fp8PricesALargeMatrixProductFasterThanBF16OnH100() {
        let rl = RooflineModel(device: DeviceCatalog.h100)
        let cost = PassCost(flops: 1 << 40, bytesRead: 1 << 20, bytesWritten: 0)
        let gemm = GemmShape(m: 8192, n: 8192, k: 8192)
        let fp8 = rl.seconds(cost, gemm: gemm, precision: .fp8, opClass: .matmul)
        let bf16 = rl.seconds(cost, gemm: gemm, precision: .bf16, opClass: .matmul)
        #expect(fp8 < bf16)
        // Compute bound: nearly the ratio of the peaks, 1,979 to 989.4 TFLOPS.
        #expect(bf16 / fp8 > 1.9 && bf16 / fp8 < 2.0)
    }

    @Test func fp8StoresLikeBF16WithMasterWeights() throws {
        #expect(Precision.fp8.bytesPerElement == 2)
        #expect(Precision.fp8.usesMasterWeights)
        #expect(try Precision.named("FP8") == .fp8)
    }

    @Test(arguments: [DeviceCatalog.v100_32gb, DeviceCatalog.a100_80gb, DeviceCatalog.a10g, DeviceCatalog.tpuV4, DeviceCatalog.developmentVM])
    func fp8FailsOnADeviceWithoutAnFP8Peak(device: DeviceProfile) throws {
        let model = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        let recipe = TrainingRecipe(batchPerDevice: 8, precision: PrecisionPolicy(.fp8))
        do {
            _ = try IterationEstimator(model: model, recipe: recipe, device: device)
            Issue.record("fp8 accepted on \(device.name)")
        } catch let ModelError.unsupported(field, value, accepted) {
            #expect(field == "precision" && value == "fp8")
            #expect(!accepted.isEmpty && accepted.allSatisfy { $0.contains(device.name) })
        }
    }

    @Test func fp8RunsOnTheDevicesWithAnFP8Peak() throws {
        let model = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        let recipe = TrainingRecipe(batchPerDevice: 8, precision: PrecisionPolicy(.fp8))
        for name in ["h100", "h200", "b200", "gb200", "h100-pcie", "l40s", "l4", "rtx-4090", "mi300x", "tpu-v5p"] {
            let device = try DeviceCatalog.profile(named: name)
            let fp8 = try IterationEstimator(model: model, recipe: recipe, device: device).estimate()
            #expect(fp8.seconds > 0, "\(name)")
        }
    }
}
