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

    /// Assumed: a GPU's idle draw as a share of its TDP where no nvidia-smi reading is at hand, the H100 SXM's typical
    /// 70 W of 700 W (the V100's and A100's readings, 40 of 300 W and 50 of 400 W, are 13%); not a measurement.
    static let assumedIdleShareOfTDP = 0.1

    /// A GPU priced from its spec sheet in the style of the A100 and H100 entries: dense peaks in TFLOPS by precision
    /// (fp32 the vector rate), the roofline priors scaled to its 16-bit peak (bf16, else fp16), its SMs (or CUs) for the
    /// wave model, and the V100's GPU execution model transferred (`transferringV100Execution`).
    private static func gpu(
        _ name: String, _ displayName: String, tflops: [Precision: Double], memoryBytes: Int, bandwidth: Double,
        multiprocessors: Int, idleWatts: Double, watts: Double, usdPerHour: Double, source: String
    ) -> DeviceProfile {
        let fp32 = tflops[.fp32]!, halfPeak = tflops[.bf16] ?? tflops[.fp16]!
        return transferringV100Execution(to: DeviceProfile(
            name: name, displayName: displayName, kind: .gpu,
            matrixPeakFLOPS: tflops.mapValues { $0 * tera },
            vectorPeakFLOPS: fp32 * tera, memoryBytes: memoryBytes, memoryBandwidth: bandwidth, matrixTile: 8,
            launchOverheadSeconds: 6e-6, computeEfficiency: gpuCompute(peak: halfPeak * tera),
            memoryEfficiency: memory(bandwidth: bandwidth), runtimeOverheadBytes: gib / 2, workspaceBytes: gib / 2,
            idleWatts: idleWatts, busyWatts: watts, usdPerHour: usdPerHour, source: source,
            waves: gpuWaves(multiprocessors: multiprocessors)))
    }

    /// A GPU from `../shared/hardware/devices.md` ("Compute and memory" table): memory in decimal bytes of the datasheet
    /// figure (devices.md gives GB = 1e9 B; the older V100/A100/H100 entries use GiB), idle power assumed
    /// (`assumedIdleShareOfTDP`).
    private static func rentedGPU(
        _ name: String, _ displayName: String, tflops: [Precision: Double], memoryGB: Double, bandwidth: Double,
        multiprocessors: Int, watts: Double, usdPerHour: Double, source: String
    ) -> DeviceProfile {
        gpu(name, displayName, tflops: tflops, memoryBytes: Int(memoryGB * 1e9), bandwidth: bandwidth,
            multiprocessors: multiprocessors, idleWatts: assumedIdleShareOfTDP * watts, watts: watts, usdPerHour: usdPerHour,
            source: source + "; idle assumed 10% of TDP")
    }

    public static let a100_40gb = a100(memoryGiB: 40, bandwidth: 1555e9, usdPerHour: 32.7726 / 8, name: "a100-40gb")
    public static let a100_80gb = a100(memoryGiB: 80, bandwidth: 2039e9, usdPerHour: 40.9657 / 8, name: "a100-80gb")

    /// NVIDIA A100 Tensor Core GPU datasheet (2021): 19.5 TFLOPS fp32, 156 TFLOPS TF32,
    /// 312 TFLOPS fp16/bf16 (dense), 1,555 GB/s (40 GB) or 2,039 GB/s (80 GB), 400 W SXM4. 108 SMs (NVIDIA A100
    /// Tensor Core GPU Architecture whitepaper, 2020). No fp8.
    /// Price: AWS p4d.24xlarge ($32.7726/h) and p4de.24xlarge ($40.9657/h), 8 GPUs each.
    private static func a100(memoryGiB: Int, bandwidth: Double, usdPerHour: Double, name: String) -> DeviceProfile {
        gpu(name, "NVIDIA A100-SXM4 \(memoryGiB)GB", tflops: [.fp32: 19.5, .tf32: 156, .fp16: 312, .bf16: 312],
            memoryBytes: memoryGiB * gib, bandwidth: bandwidth, multiprocessors: 108, idleWatts: 50, watts: 400,
            usdPerHour: usdPerHour,
            source: "NVIDIA A100 datasheet and architecture whitepaper; idle ~50 W (typical nvidia-smi reading); AWS p4d/p4de pricing")
    }

    /// NVIDIA H100 Tensor Core GPU datasheet (SXM5, 2023): 67 TFLOPS fp32, 494.7 TFLOPS TF32,
    /// 989.4 TFLOPS fp16/bf16 and 1,979 TFLOPS fp8 (dense; the datasheet's 1,979 and 3,958 assume sparsity), 3.35 TB/s
    /// HBM3, 80 GB, up to 700 W. 132 SMs in the SXM5 part (NVIDIA H100 Tensor Core GPU Architecture whitepaper, 2022;
    /// ../shared/hardware/devices.md lists 132 for the H200 SXM, the same GH100 configuration, and 114 for the PCIe part).
    /// Price: AWS p5.48xlarge $98.32/h for 8 GPUs (on-demand list, 2024).
    public static let h100 = gpu(
        "h100", "NVIDIA H100-SXM5 80GB", tflops: [.fp32: 67, .tf32: 494.7, .fp16: 989.4, .bf16: 989.4, .fp8: 1979],
        memoryBytes: 80 * gib, bandwidth: 3.35e12, multiprocessors: 132, idleWatts: 70, watts: 700, usdPerHour: 98.32 / 8,
        source: "NVIDIA H100 datasheet and architecture whitepaper; idle ~70 W (typical nvidia-smi reading); AWS p5 pricing")

    /// NVIDIA H100 PCIe, from ../shared/hardware/devices.md (compute table, [5][6][7], P): 80 GB HBM2e at 2.0 TB/s,
    /// dense 51 TFLOPS fp32, 378 TF32, 756 fp16/bf16, 1,513 fp8; 114 SMs; 350 W.
    /// Price: $2.86/h, Lambda on 2026-05-07 (devices.md price table [36], S).
    public static let h100PCIe = rentedGPU(
        "h100-pcie", "NVIDIA H100 PCIe 80GB", tflops: [.fp32: 51, .tf32: 378, .fp16: 756, .bf16: 756, .fp8: 1513],
        memoryGB: 80, bandwidth: 2.0e12, multiprocessors: 114, watts: 350, usdPerHour: 2.86,
        source: "../shared/hardware/devices.md: H100 PCIe product brief and LaunchPad doc [5][6][7]; Lambda price 2026-05-07 [36] (S)")

    /// NVIDIA H200 SXM, from ../shared/hardware/devices.md (compute table, [8][10]): 141 GB HBM3e (P) at 4.8 TB/s (S),
    /// dense 66.9 TFLOPS fp32, 494.7 TF32, 989.4 fp16/bf16, 1,979 fp8; 132 SMs (S); 700 W (P).
    /// Price: $8.00/h, the low end of AWS's June 2026 on-demand range for H200 and B200 (price table [37], S).
    public static let h200 = rentedGPU(
        "h200", "NVIDIA H200-SXM 141GB", tflops: [.fp32: 66.9, .tf32: 494.7, .fp16: 989.4, .bf16: 989.4, .fp8: 1979],
        memoryGB: 141, bandwidth: 4.8e12, multiprocessors: 132, watts: 700, usdPerHour: 8.00,
        source: "../shared/hardware/devices.md: Lockwood's H200 page [8] (S), MLPerf H200 system file [10] (P); "
            + "AWS on-demand range June 2026 [37] (S, low end)")

    /// NVIDIA B200 in an HGX B200 board, from ../shared/hardware/devices.md (compute table, [9][11][22][23]): 180 GB
    /// usable of 192 GB nominal HBM3e at 8 TB/s (S); dense 75 TFLOPS fp32 (S: sources give 75 to 80, the lower taken),
    /// ~1,100 TF32, 2,250 fp16/bf16, 4,500 fp8; 148 SMs (U: unverified); 1,000 W (P).
    /// Price: $14.24/h, AWS p6-b200 in April 2026 (price table [38], S).
    public static let b200 = rentedGPU(
        "b200", "NVIDIA B200 (HGX) 180GB", tflops: [.fp32: 75, .tf32: 1100, .fp16: 2250, .bf16: 2250, .fp8: 4500],
        memoryGB: 180, bandwidth: 8e12, multiprocessors: 148, watts: 1000, usdPerHour: 14.24,
        source: "../shared/hardware/devices.md: Lockwood's B200 page [9], MLPerf Nebius B200 [11], Verda [22], Spheron [23] "
            + "(S; fp32 75 of 75-80, the lower; 148 SMs unverified); AWS p6-b200 April 2026 [38] (S)")

    /// NVIDIA GB200 per GPU (a Blackwell GPU of a Grace Blackwell superchip), from ../shared/hardware/devices.md (compute
    /// table, [9][12][13]): 186 GB HBM3e (P) at 8 TB/s (D); dense 80 TFLOPS fp32 (S: sources give 80 to 90, the lower
    /// taken), 1,250 TF32, 2,500 fp16/bf16, 5,000 fp8; 148 SMs (U: unverified); 1,200 W max (P).
    /// Price: $10.50/h, a 4-GPU listing at $42/h (price table [39], S).
    public static let gb200 = rentedGPU(
        "gb200", "NVIDIA GB200 (per GPU) 186GB", tflops: [.fp32: 80, .tf32: 1250, .fp16: 2500, .bf16: 2500, .fp8: 5000],
        memoryGB: 186, bandwidth: 8e12, multiprocessors: 148, watts: 1200, usdPerHour: 10.50,
        source: "../shared/hardware/devices.md: Lockwood's B200/GB200 page [9] (S), MLPerf Crusoe GB200-NVL72 [12] (P), NVIDIA DPS "
            + "[13] (P; fp32 80 of 80-90, the lower; 148 SMs unverified); 4-GPU listing $42/h [39] (S)")

    /// NVIDIA L40S, from ../shared/hardware/devices.md (compute table, [17], S): 48 GB GDDR6 at 864 GB/s, dense 91.6
    /// TFLOPS fp32, 183 TF32, 362 fp16/bf16, 733 fp8; 142 SMs (D); 350 W.
    /// Price: assumed, not in devices.md; unverified recollection of public list prices: $1.86/h, AWS g6e.xlarge on-demand.
    public static let l40s = rentedGPU(
        "l40s", "NVIDIA L40S 48GB", tflops: [.fp32: 91.6, .tf32: 183, .fp16: 362, .bf16: 362, .fp8: 733],
        memoryGB: 48, bandwidth: 864e9, multiprocessors: 142, watts: 350, usdPerHour: 1.86,
        source: "../shared/hardware/devices.md: L40S datasheet copy [17] (S); price assumed, not in devices.md "
            + "(unverified recollection of AWS g6e.xlarge on-demand)")

    /// NVIDIA L4, from ../shared/hardware/devices.md (compute table, [18], S): 24 GB GDDR6 at 300 GB/s, dense 30.3
    /// TFLOPS fp32, 60 TF32, 121 fp16/bf16, 242 fp8; 58 SMs (U: some pages say 60); 72 W.
    /// Price: $0.55/h, the upper end of GCP G2 / AWS G6's $0.40-0.55 (price table [40], S).
    public static let l4 = rentedGPU(
        "l4", "NVIDIA L4 24GB", tflops: [.fp32: 30.3, .tf32: 60, .fp16: 121, .bf16: 121, .fp8: 242],
        memoryGB: 24, bandwidth: 300e9, multiprocessors: 58, watts: 72, usdPerHour: 0.55,
        source: "../shared/hardware/devices.md: L4 datasheet figures as reproduced [18] (S; 58 SMs unverified); "
            + "GCP G2 / AWS G6 [40] (S, upper end)")

    /// NVIDIA A10G (AWS G5), from ../shared/hardware/devices.md (compute table, [20][21]): 24 GB GDDR6 at 600 GB/s (S),
    /// 300 W (S); the peaks are unverified (U): ~31-35 TFLOPS fp32 (the lower taken), ~35 TF32, ~70 fp16/bf16, no
    /// fp8; 80 SMs (U).
    /// Price: assumed, not in devices.md; unverified recollection of public list prices: $1.01/h, AWS g5.xlarge on-demand.
    public static let a10g = rentedGPU(
        "a10g", "NVIDIA A10G 24GB", tflops: [.fp32: 31, .tf32: 35, .fp16: 70, .bf16: 70],
        memoryGB: 24, bandwidth: 600e9, multiprocessors: 80, watts: 300, usdPerHour: 1.01,
        source: "../shared/hardware/devices.md: AWS gist [20], Baseten [21] (S; peaks and SMs unverified); price assumed, "
            + "not in devices.md (unverified recollection of AWS g5.xlarge on-demand)")

    /// NVIDIA GeForce RTX 4090, from ../shared/hardware/devices.md (compute table, [19], S): 24 GB GDDR6X at 1,008
    /// GB/s, dense 82.6 TFLOPS fp32 and TF32, 165 fp16/bf16 and 330 fp8 with fp32 accumulate (what training uses; fp16
    /// with fp16 accumulate reaches 330); 128 SMs; 450 W.
    /// Price: assumed, not in devices.md; unverified recollection of public list prices: $0.69/h on community cloud
    /// marketplaces.
    public static let rtx4090 = rentedGPU(
        "rtx-4090", "NVIDIA GeForce RTX 4090 24GB", tflops: [.fp32: 82.6, .tf32: 82.6, .fp16: 165, .bf16: 165, .fp8: 330],
        memoryGB: 24, bandwidth: 1008e9, multiprocessors: 128, watts: 450, usdPerHour: 0.69,
        source: "../shared/hardware/devices.md: RTX 4090 spec tables [19] (S; fp32 accumulate); price assumed, not in "
            + "devices.md (unverified recollection of community cloud marketplaces)")

    /// AMD Instinct MI300X, from ../shared/hardware/devices.md (compute table, [14][42]): 192 GB HBM3 at 5.3 TB/s (P),
    /// dense 163.4 TFLOPS fp32, 653.7 TF32, 1,307 fp16/bf16, 2,615 fp8; 304 CUs (P), which stand for SMs in the wave
    /// model; 750 W (S). The V100's GPU execution model is transferred as to the NVIDIA GPUs: an assumption that
    /// PyTorch on ROCm launches eager kernels at the cost CUDA's do.
    /// Price: $1.71/h, TensorWave (price table [39], S).
    public static let mi300x = rentedGPU(
        "mi300x", "AMD Instinct MI300X 192GB", tflops: [.fp32: 163.4, .tf32: 653.7, .fp16: 1307, .bf16: 1307, .fp8: 2615],
        memoryGB: 192, bandwidth: 5.3e12, multiprocessors: 304, watts: 750, usdPerHour: 1.71,
        source: "../shared/hardware/devices.md: ROCm MI300 peak table [14] (P), 750 W [42] (S); TensorWave [39] (S); "
            + "execution model transferred assuming ROCm launches cost as CUDA's")

    /// TPU chips: Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural
    /// Networks", CACM 2020 (v2: 46 TFLOPS bf16, 16 GiB HBM at 700 GB/s, 280 W; v3: 123
    /// TFLOPS, 32 GiB at 900 GB/s, 450 W) and Jouppi et al., ISCA 2023 (v4: 275 TFLOPS bf16,
    /// 32 GiB at 1,200 GB/s, 192 W max). 128x128 MXUs. fp32 matmuls run as 6 bf16 passes
    /// (XLA `Precision.HIGHEST`). Idle power is not published: assumed 30% of peak power.
    /// Prices: Google Cloud TPU on-demand per chip-hour (v2-8 $4.50/h and v3-8 $8.00/h for
    /// 4 chips; v4 $3.22 per chip-hour).
    private static func tpu(_ name: String, tflops: Double, fp8TFLOPS: Double? = nil, memoryBytes: Int, bandwidth: Double,
                            watts: Double, usdPerHour: Double,
                            source: String = "Jouppi et al. CACM 2020 / ISCA 2023; Google Cloud TPU pricing") -> DeviceProfile {
        var peaks: [Precision: Double] = [.bf16: tflops * tera, .fp32: tflops * tera / 6]
        peaks[.fp8] = fp8TFLOPS.map { $0 * tera }
        return DeviceProfile(
            name: name, displayName: "Google Cloud TPU \(name.dropFirst(4)) (per chip)", kind: .tpu,
            matrixPeakFLOPS: peaks,
            vectorPeakFLOPS: tflops * tera / 16, memoryBytes: memoryBytes, memoryBandwidth: bandwidth,
            matrixTile: 128, launchOverheadSeconds: 2e-6,
            computeEfficiency: gpuCompute(peak: tflops * tera), memoryEfficiency: memory(bandwidth: bandwidth),
            runtimeOverheadBytes: gib / 4, workspaceBytes: gib / 4,
            idleWatts: 0.3 * watts, busyWatts: watts, usdPerHour: usdPerHour,
            source: source)
    }

    public static let tpuV2 = tpu("tpu-v2", tflops: 46, memoryBytes: 16 * gib, bandwidth: 700e9, watts: 280,
                                  usdPerHour: 4.50 / 4)
    public static let tpuV3 = tpu("tpu-v3", tflops: 123, memoryBytes: 32 * gib, bandwidth: 900e9, watts: 450,
                                  usdPerHour: 8.00 / 4)
    public static let tpuV4 = tpu("tpu-v4", tflops: 275, memoryBytes: 32 * gib, bandwidth: 1200e9, watts: 192,
                                  usdPerHour: 3.22)

    /// Assumed: a TPU's TDP where Google publishes none (v5e, v5p, v6e): the v4's 192 W per 275 bf16 TFLOPS (Jouppi
    /// et al., ISCA 2023) times the chip's bf16 peak. It assumes no gain in energy per FLOP since v4, so it likely
    /// overstates the newer chips.
    static func assumedTPUWatts(bf16TFLOPS: Double) -> Double { 192 * bf16TFLOPS / 275 }

    /// Cloud TPU v5e, from ../shared/hardware/devices.md (compute table, [2], P): 197 TFLOPS bf16 (INT8 393; no fp8),
    /// 16 GB HBM2 at 819 GB/s, one TensorCore. TDP not published: assumed (`assumedTPUWatts`).
    /// Price: $1.20 per chip-hour (devices.md price table, U: unverified).
    public static let tpuV5e = tpu(
        "tpu-v5e", tflops: 197, memoryBytes: Int(16e9), bandwidth: 819e9, watts: assumedTPUWatts(bf16TFLOPS: 197),
        usdPerHour: 1.20,
        source: "../shared/hardware/devices.md: Cloud TPU v5e doc [2] (P); TDP assumed (v4's watts per TFLOPS); price unverified (U)")
    /// Cloud TPU v5p, from ../shared/hardware/devices.md (compute table, [3], P): 459 TFLOPS bf16 and 459 fp8, 95 GB
    /// HBM2e at 2,765 GB/s, two TensorCores. TDP not published: assumed (`assumedTPUWatts`).
    /// Price: $4.20 per chip-hour (devices.md price table, U: unverified).
    public static let tpuV5p = tpu(
        "tpu-v5p", tflops: 459, fp8TFLOPS: 459, memoryBytes: Int(95e9), bandwidth: 2765e9,
        watts: assumedTPUWatts(bf16TFLOPS: 459), usdPerHour: 4.20,
        source: "../shared/hardware/devices.md: Cloud TPU v5p doc [3] (P); TDP assumed (v4's watts per TFLOPS); price unverified (U)")
    /// Cloud TPU v6e (Trillium), from ../shared/hardware/devices.md (compute table, [4], P): 918 TFLOPS bf16 (INT8
    /// 1,836; no fp8), 32 GB HBM at 1,638 GB/s, one TensorCore. TDP not published: assumed (`assumedTPUWatts`).
    /// Price: $2.70 per chip-hour (devices.md price table, U: unverified; one page gives 1.375).
    public static let tpuV6e = tpu(
        "tpu-v6e", tflops: 918, memoryBytes: Int(32e9), bandwidth: 1638e9, watts: assumedTPUWatts(bf16TFLOPS: 918),
        usdPerHour: 2.70,
        source: "../shared/hardware/devices.md: Cloud TPU v6e doc [4] (P); TDP assumed (v4's watts per TFLOPS); price unverified (U)")

    /// The machine gansim runs on, detected (`LocalCPU.detect()`, priced by `localCPU(_:)`): what `gansim devices`,
    /// `validate`, `calibrate --device cpu`, `train` and `validate-distributed` use. Tests that hold numbers use
    /// `developmentVM` instead, which is the same on every machine.
    public static let cpu = localCPU(LocalCPU.detect())

    /// The development VM's `cpu` profile, a fixed profile for tests (the same on every machine):
    /// 2 cores of an AMD EPYC (Zen 3, family 25 model 1, from /proc/cpuinfo) at 2.45 GHz (BogoMIPS 4890 / 2); two
    /// 256-bit FMA pipes per core give 32 fp32 FLOPs per cycle (AMD Zen 3 software optimization guide), so 156.8
    /// GFLOP/s peak. 24 GiB memory. Bandwidth, efficiency and overheads are priors for `gansim calibrate` to replace.
    /// The profile describes gansim's own CPU trainer, so its memory follows that trainer's `allOutputs` policy.
    /// Power: EPYC 7763 TDP 280 W over 64 cores (AMD) for 2 cores. Price: AWS c6a.large (2 vCPU EPYC Milan) $0.0765/h.
    public static let developmentVM: DeviceProfile = {
        var profile = DeviceProfile(
            name: "cpu", displayName: "local CPU (2-core AMD EPYC Zen 3)", kind: .cpu,
            matrixPeakFLOPS: [.fp32: 2 * 2.45e9 * 32], vectorPeakFLOPS: 2 * 2.45e9 * 16,
            memoryBytes: 24 * gib, memoryBandwidth: 20e9, matrixTile: 1,
            launchOverheadSeconds: cpuLaunchOverheadSecondsPrior,
            computeEfficiency: cpuComputeEfficiencyPrior, memoryEfficiency: cpuMemoryEfficiencyPrior,
            runtimeOverheadBytes: cpuRuntimeOverheadBytesPrior, workspaceBytes: 0,
            idleWatts: 2 * 280.0 / 64 * 0.3, busyWatts: 2 * 280.0 / 64, usdPerHour: 0.0765,
            source: "/proc/cpuinfo, AMD Zen 3 optimization guide, AMD EPYC 7763 TDP, AWS c6a pricing",
            memoryPolicy: .allOutputs, cores: 2)
        // Zen 3's vectors are 256 bits (AVX2): 8 fp32 lanes.
        profile.vectorLanes = 8
        // The VM's L3 (lscpu, sysfs index3): 32 MiB.
        profile.lastLevelCacheBytes = 32 << 20
        return profile
    }()

    /// Every built-in profile, in display order: by vendor, then generation (NVIDIA Volta, Ampere, Ada, Hopper,
    /// Blackwell; AMD; Google TPUs), then the CPU.
    public static let all: [DeviceProfile] = [
        v100_16gb, v100_32gb, a100_40gb, a100_80gb, a10g, l4, l40s, rtx4090, h100, h100PCIe, h200, b200, gb200, mi300x,
        tpuV2, tpuV3, tpuV4, tpuV5e, tpuV5p, tpuV6e, cpu,
    ]

    /// Short aliases accepted on the command line: other spellings of the same device.
    public static let aliases: [String: String] = [
        "v100": "v100-32gb", "a100": "a100-80gb", "h100-sxm5": "h100", "h100pcie": "h100-pcie", "h200-sxm": "h200",
        "rtx4090": "rtx-4090", "mi300": "mi300x", "tpuv2": "tpu-v2", "tpuv3": "tpu-v3", "tpuv4": "tpu-v4",
        "tpuv5e": "tpu-v5e", "tpuv5p": "tpu-v5p", "tpuv6e": "tpu-v6e", "trillium": "tpu-v6e",
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
