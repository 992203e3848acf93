@testable import CostModel
import Workload
import Testing
import TestSupport

/// The local CPU's detection reads /proc/cpuinfo and /proc/meminfo texts into cores, clock, lanes, pipes and peak.
@Suite struct LocalCPUTests {
    /// The development VM's /proc/cpuinfo today (AMD EPYC, family 25 model 17: Zen 4 with AVX-512), first CPU's
    /// entry trimmed to the fields the parser reads, two CPUs.
    static let zen4 = (0..<2).map { i in
        """
        processor\t: \(i)
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 17
        model name\t: AMD EPYC
        cpu MHz\t\t: 2596.134
        flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512bw avx512vl avx512_bf16
        bogomips\t: 5192.26

        """
    }.joined()
    static let meminfo = "MemTotal:       24683664 kB\nMemFree:         1234567 kB\n"

    /// The VM as the old hard-coded profile described it: Zen 3 (family 25 model 1), no `cpu MHz`, BogoMIPS 4890.
    static let zen3 = (0..<2).map { i in
        """
        processor\t: \(i)
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 1
        model name\t: AMD EPYC 7763 64-Core Processor
        flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2
        bogomips\t: 4890.00

        """
    }.joined()

    /// An Intel Ice Lake Xeon with AVX-512, four CPUs.
    static let intel = (0..<4).map { i in
        """
        processor\t: \(i)
        vendor_id\t: GenuineIntel
        cpu family\t: 6
        model\t\t: 106
        model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz
        cpu MHz\t\t: 2900.000
        flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl
        bogomips\t: 5800.00

        """
    }.joined()

    /// An ARM Neoverse N1 (no x86 flags, no clock; its BogoMIPS is the timer's), two CPUs.
    static let arm = (0..<2).map { i in
        """
        processor\t: \(i)
        BogoMIPS\t: 243.75
        Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp
        CPU implementer\t: 0x41
        CPU architecture: 8
        CPU variant\t: 0x3
        CPU part\t: 0xd0c
        CPU revision\t: 1

        """
    }.joined()

    @Test func zen4WithAVX512CountsItsTwo256BitPipesOnce() {
        let cpu = LocalCPU.parse(cpuinfo: Self.zen4, meminfo: Self.meminfo, allowedCPUs: 2)
        #expect(cpu.modelName == "AMD EPYC" && cpu.cores == 2 && abs(cpu.clockGHz - 2.596134) < 1e-9)
        #expect(cpu.lanes == 16 && cpu.fmaPipes == 1)
        #expect(abs(cpu.peakFLOPS - 2 * 2.596134e9 * 32) < 1)
        #expect(cpu.memoryBytes == 24683664 * 1024)
        #expect(cpu.provenance.contains { $0.contains("cpu MHz") } && cpu.provenance.contains { $0.contains("MemTotal") })
    }

    @Test func zen3FromBogoMIPSMatchesTheOldProfile() {
        let cpu = LocalCPU.parse(cpuinfo: Self.zen3, meminfo: Self.meminfo)
        #expect(cpu.cores == 2 && cpu.clockGHz == 2.445 && cpu.lanes == 8 && cpu.fmaPipes == 2)
        #expect(abs(cpu.peakFLOPS - 2 * 2.445e9 * 32) < 1)
        #expect(cpu.provenance.contains { $0.contains("BogoMIPS") } && cpu.provenance.contains { $0.contains("processors") })
    }

    @Test func intelAVX512HasTwo512BitPipes() {
        let cpu = LocalCPU.parse(cpuinfo: Self.intel, meminfo: "MemTotal: 16000000 kB\n", allowedCPUs: 4)
        #expect(cpu.cores == 4 && cpu.clockGHz == 2.9 && cpu.lanes == 16 && cpu.fmaPipes == 2)
        #expect(abs(cpu.peakFLOPS - 4 * 2.9e9 * 64) < 1)
        #expect(cpu.memoryBytes == 16_000_000 * 1024)
    }

    @Test func armAssumesTheClockAnd128BitNEON() {
        let cpu = LocalCPU.parse(cpuinfo: Self.arm, meminfo: Self.meminfo)
        #expect(cpu.modelName == "ARM CPU" && cpu.cores == 2)
        #expect(cpu.clockGHz == LocalCPU.assumedClockGHz && cpu.lanes == 4 && cpu.fmaPipes == LocalCPU.assumedFMAPipes)
        #expect(abs(cpu.peakFLOPS - 2 * 2e9 * 4 * 2 * 2) < 1)
        #expect(cpu.provenance.contains { $0.contains("assumed") })
    }

    @Test func unreadableFilesFallBack() {
        let cpu = LocalCPU.parse(cpuinfo: "", meminfo: "")
        #expect(cpu.cores >= 1 && cpu.memoryBytes > 0 && cpu.clockGHz == LocalCPU.assumedClockGHz)
        #expect(cpu.provenance.contains { $0.contains("active processor count") })
    }

    @Test func theAffinityMaskAndCgroupQuotaLimitTheCores() {
        #expect(LocalCPU.cpus(list: "0-1") == [0, 1] && LocalCPU.cpus(list: "0-3,8,10-11\n") == [0, 1, 2, 3, 8, 10, 11])
        #expect(LocalCPU.cpus(list: "2,0-2") == [0, 1, 2])
        #expect(LocalCPU.cpus(list: "x") == nil && LocalCPU.cpus(list: "3-1") == nil && LocalCPU.cpus(list: "") == nil)
        #expect(LocalCPU.cgroupQuotaCores(cpuMax: "150000 100000\n", cfsQuota: nil, cfsPeriod: nil) == 2)
        #expect(LocalCPU.cgroupQuotaCores(cpuMax: "max 100000\n", cfsQuota: nil, cfsPeriod: nil) == nil)
        #expect(LocalCPU.cgroupQuotaCores(cpuMax: nil, cfsQuota: "-1\n", cfsPeriod: "100000\n") == nil)
        #expect(LocalCPU.cgroupQuotaCores(cpuMax: nil, cfsQuota: "300000\n", cfsPeriod: "100000\n") == 3)
        let capped = LocalCPU.parse(cpuinfo: Self.intel, meminfo: Self.meminfo, allowedCPUs: 4, cpuQuota: 3)
        #expect(capped.cores == 3 && capped.provenance.contains { $0.contains("cgroup") })
    }

    @Test func theProfileCarriesTheDetectedNumbers() {
        let host = LocalCPU.parse(cpuinfo: Self.zen4, meminfo: Self.meminfo, allowedCPUs: 2)
        let p = DeviceCatalog.localCPU(host)
        #expect(p.name == "cpu" && p.kind == .cpu && p.cores == 2 && p.displayName == "local CPU (2-core AMD EPYC)")
        #expect(p.matrixPeakFLOPS[.fp32] == host.peakFLOPS && p.vectorPeakFLOPS == host.peakFLOPS / 2)
        #expect(p.memoryBytes == host.memoryBytes && p.source.hasPrefix("detected: 2 cores"))
        // The development VM's priors, per core.
        let vm = DeviceCatalog.developmentVM
        #expect(p.memoryBandwidth == vm.memoryBandwidth && p.busyWatts == vm.busyWatts && p.usdPerHour == vm.usdPerHour)
        #expect(p.idleWatts == vm.idleWatts && p.computeEfficiency == vm.computeEfficiency)
    }

    @Test func theCatalogCPUIsDetectedAndTheFixtureIsFixed() {
        #expect(DeviceCatalog.cpu.source.hasPrefix("detected: ") && DeviceCatalog.cpu.matrixPeakFLOPS[.fp32]! > 0)
        #expect(DeviceCatalog.all.contains { $0.name == "cpu" && $0.source == DeviceCatalog.cpu.source })
        #expect(DeviceCatalog.developmentVM.matrixPeakFLOPS[.fp32] == 2 * 2.45e9 * 32 && DeviceCatalog.developmentVM.cores == 2)
    }

    @Test func aCalibratedCPUProfileFileReplacesTheDetectedOne() throws {
        var calibrated = DeviceCatalog.developmentVM
        calibrated.displayName = "calibrated cpu"
        let path = TestScratch.file("cpu-calibrated", suffix: ".json")
        try calibrated.save(path: path)
        let profiles = try DeviceProfiles(files: [path])
        #expect(try profiles.profile(named: "cpu") == calibrated)
        #expect(try DeviceProfiles.catalog.profile(named: "cpu") == DeviceCatalog.cpu)
    }

    @Test func cacheSizesReadAsSysfsWritesThem() {
        #expect(LocalCPU.cacheBytes("32768K\n") == 32 << 20)
        #expect(LocalCPU.cacheBytes("1M") == 1 << 20)
        #expect(LocalCPU.cacheBytes("4096") == 4096)
        #expect(LocalCPU.cacheBytes("") == nil)
        #expect(LocalCPU.cacheBytes("big") == nil)
        #expect(LocalCPU.cacheBytes("0K") == nil)
        // The fixed development-VM profile carries the VM's L3.
        #expect(DeviceCatalog.developmentVM.lastLevelCacheBytes == 32 << 20)
    }
}
