import Foundation

extension DeviceCatalog {
    /// Assumed: memory bandwidth per core, the development VM's 20 GB/s prior over its 2 cores; a prior that
    /// `gansim calibrate` replaces, not a measurement.
    static let assumedBandwidthPerCore = 10e9
    /// Power per core at full load: AMD EPYC 7763 TDP 280 W over its 64 cores (AMD); idle assumed 30% of that.
    static let cpuWattsPerCore = 280.0 / 64
    /// Price per core: AWS c6a.large (2 vCPU EPYC Milan) $0.0765/h over its 2 vCPUs.
    static let cpuUSDPerCoreHour = 0.0765 / 2
    /// Priors of gansim's CPU trainer that `gansim calibrate` replaces: matrix products reach 80% of peak, half of
    /// that at 2 MFLOP; memory traffic 70% of bandwidth, half at 64 KB; 2 µs per pass; 100 MiB of process memory.
    static let cpuComputeEfficiencyPrior = EfficiencyCurve(maxEfficiency: 0.8, halfSaturation: 2e6)
    static let cpuMemoryEfficiencyPrior = EfficiencyCurve(maxEfficiency: 0.7, halfSaturation: 64e3)
    static let cpuLaunchOverheadSecondsPrior = 2e-6
    static let cpuRuntimeOverheadBytesPrior = 100 << 20

    /// The `cpu` profile of `host`: its detected cores, peak (`LocalCPU.peakFLOPS`, the vector rate half of it, since
    /// elementwise work does not fuse a multiply with an add) and memory, with the development VM's priors for
    /// bandwidth (per core), efficiency, launch and runtime overheads, power and price per core; `source` says
    /// where each detected number came from.
    public static func localCPU(_ host: LocalCPU) -> DeviceProfile {
        let cores = Double(host.cores)
        var profile = DeviceProfile(
            name: "cpu", displayName: "local CPU (\(host.cores)-core \(host.modelName))", kind: .cpu,
            matrixPeakFLOPS: [.fp32: host.peakFLOPS], vectorPeakFLOPS: host.peakFLOPS / 2,
            memoryBytes: host.memoryBytes, memoryBandwidth: assumedBandwidthPerCore * cores, matrixTile: 1,
            launchOverheadSeconds: cpuLaunchOverheadSecondsPrior,
            computeEfficiency: cpuComputeEfficiencyPrior, memoryEfficiency: cpuMemoryEfficiencyPrior,
            runtimeOverheadBytes: cpuRuntimeOverheadBytesPrior, workspaceBytes: 0,
            idleWatts: cores * cpuWattsPerCore * 0.3, busyWatts: cores * cpuWattsPerCore,
            usdPerHour: cores * cpuUSDPerCoreHour,
            source: "detected: " + host.provenance.joined(separator: ", ")
                + "; peak = cores x GHz x lanes x 2 (FMA) x pipes; bandwidth 10 GB/s per core, efficiency and overheads "
                + "priors; power AMD EPYC 7763 TDP per core; price AWS c6a per vCPU",
            memoryPolicy: .allOutputs, cores: host.cores)
        profile.vectorLanes = host.lanes
        profile.lastLevelCacheBytes = host.lastLevelCacheBytes
        return profile
    }

    /// `profile` with its caches measured on this machine (`CacheProbe`): the last-level cache one process can count
    /// on in place of the size `host` read from sysfs, and how much faster a core works in its private cache
    /// (`privateCacheBytes`, `privateCacheSpeedup`), with `source` saying so; unchanged where `host` read no two cache
    /// levels, and the last level's size kept where the probe found no fall. What `gansim calibrate` fits on: a
    /// virtual machine shares its socket's cache with other tenants' cores, and the share of a training state beyond
    /// the cache is read from memory (`CPUTrainerPricing.streamedWeightShare`); a pass whose bytes a core's own cache
    /// holds streams them faster (`DeviceProfile.memoryBandwidth(workingSetBytes:)`).
    public static func measuringCache(of profile: DeviceProfile, host: LocalCPU = .detect()) -> DeviceProfile {
        guard profile.kind == .cpu, let inner = host.innerCacheBytes, let last = host.lastLevelCacheBytes else { return profile }
        var p = profile
        if let measured = CacheProbe.effectiveBytes(privateCacheBytes: inner, lastLevelCacheBytes: last) {
            p.lastLevelCacheBytes = measured
            p.source += "; last-level cache a process keeps \(measured >> 10) KiB of (working-set sweep)"
        }
        if let speedup = CacheProbe.privateCacheSpeedup(privateCacheBytes: inner) {
            p.privateCacheBytes = inner
            p.privateCacheSpeedup = speedup
            p.source += "; a core's \(inner >> 10) KiB private cache touched \(String(format: "%.2f", speedup))x as fast as "
                + "4x that (working-set sweep)"
        }
        return p
    }
}
