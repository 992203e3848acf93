import Workload
/// The built-in device profiles. Every published number names its source; efficiency,
/// launch overhead and memory overheads are priors that calibration replaces.
public enum DeviceCatalog {
    private static let gib = 1 << 30
    private static let tera = 1e12

    /// Efficiency prior for GPUs: large GEMMs reach 75% of tensor-core peak (typical cuBLAS
    /// figure; a prior, not a measurement), half of that at the work done in 5 us at peak.
    private static func gpuCompute(peak: Double) -> EfficiencyCurve {
        EfficiencyCurve(maxEfficiency: 0.75, halfSaturation: peak * 5e-6)
    }

    /// Memory-traffic prior: 85% of peak bandwidth for large streams, half at 3 us worth of bytes.
    private static func memory(bandwidth: Double) -> EfficiencyCurve {
        EfficiencyCurve(maxEfficiency: 0.85, halfSaturation: bandwidth * 3e-6)
    }

    /// Assumed: the output tile one thread block of a GPU's matrix-product kernel computes, 128 x 128, for the wave
    /// count of every GEMM-lowered op. It is the common CTA tile of tensor-core GEMM and implicit-GEMM convolution
    /// kernels (cuBLAS and cuDNN kernel names such as `volta_h884gemm_128x128_*`, CUTLASS's default 128x128x32
    /// threadblock shape); the libraries choose per problem (64 to 256 per side), which a profile cannot know.
    static let assumedTile = 128

    /// The wave model of a GPU with `multiprocessors` SMs and the assumed tile.
    private static func gpuWaves(multiprocessors: Int) -> WaveModel {
        WaveModel(multiprocessors: multiprocessors, tileRows: assumedTile, tileColumns: assumedTile)
    }

    public static let v100_16gb = v100(memoryGiB: 16, usdPerHour: 24.48 / 8, name: "v100-16gb")
    public static let v100_32gb = v100(memoryGiB: 32, usdPerHour: 31.218 / 8, name: "v100-32gb")

    /// NVIDIA Tesla V100 SXM2 datasheet (2018): 15.7 TFLOPS fp32, 125 TFLOPS fp16 tensor,
    /// 900 GB/s HBM2, 300 W. No TF32 or bf16. 80 SMs (NVIDIA Tesla V100 GPU Architecture whitepaper, 2017).
    /// Price: AWS p3.16xlarge ($24.48/h, 8x 16 GB) and p3dn.24xlarge ($31.218/h, 8x 32 GB) on-demand us-east-1, per GPU.
    private static func v100(memoryGiB: Int, usdPerHour: Double, name: String) -> DeviceProfile {
        var profile = DeviceProfile(
            name: name, displayName: "NVIDIA V100-SXM2 \(memoryGiB)GB", kind: .gpu,
            matrixPeakFLOPS: [.fp32: 15.7 * tera, .fp16: 125 * tera],
            vectorPeakFLOPS: 15.7 * tera, memoryBytes: memoryGiB * gib, memoryBandwidth: 900e9, matrixTile: 8,
            launchOverheadSeconds: 6e-6, computeEfficiency: gpuCompute(peak: 125 * tera),
            memoryEfficiency: memory(bandwidth: 900e9), runtimeOverheadBytes: gib / 2, workspaceBytes: gib / 2,
            idleWatts: 40, busyWatts: 300, usdPerHour: usdPerHour,
            source: "NVIDIA Tesla V100 datasheet and architecture whitepaper; idle ~40 W as read by nvidia-smi (typical); AWS p3 "
                + "pricing; GPU execution model fitted by `make validate-published` to the 16 V100 runs of "
                + "NVlabs/stylegan2-ada-pytorch's README (measurements/published)",
            waves: gpuWaves(multiprocessors: 80))
        profile.execution = v100Execution
        profile.validatedError = v100ValidatedError
        return profile
    }

    /// The V100's GPU execution model, as `make validate-published` fits it (`gansim calibrate --device v100-32gb --runs
    /// measurements/published/stylegan2-ada-pytorch-v100.csv`, eager PyTorch 1.7 on a DGX-1's Xeon E5-2698 v4).
    /// `CatalogCalibrationTests` refits it and holds these values to the fit, so they cannot drift from the data.
    static let v100Execution = ExecutionParameters(
        implementation: "stylegan2-ada-pytorch", hostSecondsPerKernel: 4.227744437536747e-05, overlap: 0.6107421496655283,
        deviceEfficiencyScale: 0.7249782358577371, host: HostCPU.xeonE5_2698v4.name)

    /// The leave-one-out errors of that fit over the 16 runs (each predicted by a fit to the other 15).
    static let v100ValidatedError = ValidatedError(
        basis: "leave-one-out over 16 runs of stylegan2-ada-pytorch-v100.csv", runs: 16,
        meanAbsoluteError: 0.0556515690879103, lowestError: -0.14307328994784874, highestError: 0.09429474986366992)

    /// Assumed: how much a GPU execution model fitted on one GPU and server can be off on another (a different host
    /// CPU, framework version and kernel mix on a larger GPU), beyond its validated errors. Not measured: no published
    /// run of another GPU is in the repository; it widens the error bars of transferred profiles.
    static let transferUncertainty = 0.25

    /// A GPU profile with the V100's GPU execution model transferred: the same host time per kernel on the same host
    /// CPU (a scenario on another server rescales it to that server's host, `ExecutionParameters.onHost`), the same
    /// overlap, and the same efficiency relative to the device's own roofline prior; its validated range is the V100's
    /// widened by `transferUncertainty`.
    static func transferringV100Execution(to profile: DeviceProfile) -> DeviceProfile {
        var transferred = profile
        transferred.execution = v100Execution
        transferred.validatedError = v100ValidatedError.transferred(to: profile.name, from: "v100-32gb", uncertainty: transferUncertainty)
        return transferred
    }

    public static let a100_40gb = a100(memoryGiB: 40, bandwidth: 1555e9, usdPerHour: 32.7726 / 8, name: "a100-40gb")
    public static let a100_80gb = a100(memoryGiB: 80, bandwidth: 2039e9, usdPerHour: 40.9657 / 8, name: "a100-80gb")

    /// NVIDIA A100 Tensor Core GPU datasheet (2021): 19.5 TFLOPS fp32, 156 TFLOPS TF32,
    /// 312 TFLOPS fp16/bf16 (dense), 1,555 GB/s (40 GB) or 2,039 GB/s (80 GB), 400 W SXM4. 108 SMs (NVIDIA A100
    /// Tensor Core GPU Architecture whitepaper, 2020).
    /// Price: AWS p4d.24xlarge ($32.7726/h) and p4de.24xlarge ($40.9657/h), 8 GPUs each.
    private static func a100(memoryGiB: Int, bandwidth: Double, usdPerHour: Double, name: String) -> DeviceProfile {
        transferringV100Execution(to: DeviceProfile(
            name: name, displayName: "NVIDIA A100-SXM4 \(memoryGiB)GB", kind: .gpu,
            matrixPeakFLOPS: [.fp32: 19.5 * tera, .tf32: 156 * tera, .fp16: 312 * tera, .bf16: 312 * tera],
            vectorPeakFLOPS: 19.5 * tera, memoryBytes: memoryGiB * gib, memoryBandwidth: bandwidth, matrixTile: 8,
            launchOverheadSeconds: 6e-6, computeEfficiency: gpuCompute(peak: 312 * tera),
            memoryEfficiency: memory(bandwidth: bandwidth), runtimeOverheadBytes: gib / 2, workspaceBytes: gib / 2,
            idleWatts: 50, busyWatts: 400, usdPerHour: usdPerHour,
            source: "NVIDIA A100 datasheet and architecture whitepaper; idle ~50 W (typical nvidia-smi reading); AWS p4d/p4de pricing",
            waves: gpuWaves(multiprocessors: 108)))
    }

    /// NVIDIA H100 Tensor Core GPU datasheet (SXM5, 2023): 67 TFLOPS fp32, 494.7 TFLOPS TF32,
    /// 989.4 TFLOPS fp16/bf16 (dense; the datasheet's 1,979 assumes sparsity), 3.35 TB/s
    /// HBM3, 80 GB, up to 700 W. 132 SMs in the SXM5 part (NVIDIA H100 Tensor Core GPU Architecture whitepaper, 2022;
    /// ../shared/hardware/devices.md lists 132 for the H200 SXM, the same GH100 configuration, and 114 for the PCIe part).
    /// Price: AWS p5.48xlarge $98.32/h for 8 GPUs (on-demand list, 2024).
    public static let h100 = transferringV100Execution(to: DeviceProfile(
        name: "h100", displayName: "NVIDIA H100-SXM5 80GB", kind: .gpu,
        matrixPeakFLOPS: [.fp32: 67 * tera, .tf32: 494.7 * tera, .fp16: 989.4 * tera, .bf16: 989.4 * tera],
        vectorPeakFLOPS: 67 * tera, memoryBytes: 80 * gib, memoryBandwidth: 3.35e12, matrixTile: 8,
        launchOverheadSeconds: 6e-6, computeEfficiency: gpuCompute(peak: 989.4 * tera),
        memoryEfficiency: memory(bandwidth: 3.35e12), runtimeOverheadBytes: gib / 2, workspaceBytes: gib / 2,
        idleWatts: 70, busyWatts: 700, usdPerHour: 98.32 / 8,
        source: "NVIDIA H100 datasheet and architecture whitepaper; idle ~70 W (typical nvidia-smi reading); AWS p5 pricing",
        waves: gpuWaves(multiprocessors: 132)))

    /// TPU chips: Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural
    /// Networks", CACM 2020 (v2: 46 TFLOPS bf16, 16 GiB HBM at 700 GB/s, 280 W; v3: 123
    /// TFLOPS, 32 GiB at 900 GB/s, 450 W) and Jouppi et al., ISCA 2023 (v4: 275 TFLOPS bf16,
    /// 32 GiB at 1,200 GB/s, 192 W max). 128x128 MXUs. fp32 matmuls run as 6 bf16 passes
    /// (XLA `Precision.HIGHEST`). Idle power is not published: assumed 30% of peak power.
    /// Prices: Google Cloud TPU on-demand per chip-hour (v2-8 $4.50/h and v3-8 $8.00/h for
    /// 4 chips; v4 $3.22 per chip-hour).
    private static func tpu(_ name: String, tflops: Double, memoryGiB: Int, bandwidth: Double, watts: Double,
                            usdPerHour: Double) -> DeviceProfile {
        DeviceProfile(
            name: name, displayName: "Google Cloud TPU \(name.dropFirst(4)) (per chip)", kind: .tpu,
            matrixPeakFLOPS: [.bf16: tflops * tera, .fp32: tflops * tera / 6],
            vectorPeakFLOPS: tflops * tera / 16, memoryBytes: memoryGiB * gib, memoryBandwidth: bandwidth,
            matrixTile: 128, launchOverheadSeconds: 2e-6,
            computeEfficiency: gpuCompute(peak: tflops * tera), memoryEfficiency: memory(bandwidth: bandwidth),
            runtimeOverheadBytes: gib / 4, workspaceBytes: gib / 4,
            idleWatts: 0.3 * watts, busyWatts: watts, usdPerHour: usdPerHour,
            source: "Jouppi et al. CACM 2020 / ISCA 2023; Google Cloud TPU pricing")
    }

    public static let tpuV2 = tpu("tpu-v2", tflops: 46, memoryGiB: 16, bandwidth: 700e9, watts: 280,
                                  usdPerHour: 4.50 / 4)
    public static let tpuV3 = tpu("tpu-v3", tflops: 123, memoryGiB: 32, bandwidth: 900e9, watts: 450,
                                  usdPerHour: 8.00 / 4)
    public static let tpuV4 = tpu("tpu-v4", tflops: 275, memoryGiB: 32, bandwidth: 1200e9, watts: 192,
                                  usdPerHour: 3.22)

    /// This development machine: 2 cores of an AMD EPYC (Zen 3, family 25 model 1, from
    /// /proc/cpuinfo) at 2.45 GHz (BogoMIPS 4890 / 2); two 256-bit FMA pipes per core give
    /// 32 fp32 FLOPs per cycle (AMD Zen 3 software optimization guide), so 156.8 GFLOP/s
    /// peak. 24 GiB memory. Bandwidth, efficiency and overheads are priors for `gansim
    /// calibrate` to replace. The profile describes gansim's own CPU trainer, so its
    /// memory follows that trainer's `allOutputs` policy. Power: EPYC 7763 TDP 280 W over 64 cores (AMD) for 2 cores.
    /// Price: AWS c6a.large (2 vCPU EPYC Milan) $0.0765/h.
    public static let cpu = DeviceProfile(
        name: "cpu", displayName: "local CPU (2-core AMD EPYC Zen 3)", kind: .cpu,
        matrixPeakFLOPS: [.fp32: 2 * 2.45e9 * 32], vectorPeakFLOPS: 2 * 2.45e9 * 16,
        memoryBytes: 24 * gib, memoryBandwidth: 20e9, matrixTile: 1, launchOverheadSeconds: 2e-6,
        computeEfficiency: EfficiencyCurve(maxEfficiency: 0.8, halfSaturation: 2e6),
        memoryEfficiency: EfficiencyCurve(maxEfficiency: 0.7, halfSaturation: 64e3),
        runtimeOverheadBytes: 100 << 20, workspaceBytes: 0,
        idleWatts: 2 * 280.0 / 64 * 0.3, busyWatts: 2 * 280.0 / 64, usdPerHour: 0.0765,
        source: "/proc/cpuinfo, AMD Zen 3 optimization guide, AMD EPYC 7763 TDP, AWS c6a pricing",
        memoryPolicy: .allOutputs, cores: 2)

    /// Every built-in profile, in display order.
    public static let all: [DeviceProfile] = [
        v100_16gb, v100_32gb, a100_40gb, a100_80gb, h100, tpuV2, tpuV3, tpuV4, cpu,
    ]

    /// Short aliases accepted on the command line.
    public static let aliases: [String: String] = [
        "v100": "v100-32gb", "a100": "a100-80gb", "h100-sxm5": "h100", "tpuv2": "tpu-v2", "tpuv3": "tpu-v3",
        "tpuv4": "tpu-v4",
    ]

    /// The profile named `name` (or an alias), or an error listing the accepted names.
    public static func profile(named name: String) throws(ModelError) -> DeviceProfile {
        let key = aliases[name.lowercased()] ?? name.lowercased()
        guard let p = all.first(where: { $0.name == key }) else {
            throw .unsupported(field: "device", value: name, accepted: all.map(\.name) + aliases.keys.sorted())
        }
        return p
    }
}
