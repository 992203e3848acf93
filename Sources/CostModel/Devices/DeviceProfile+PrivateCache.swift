extension DeviceProfile {
    /// The bandwidth at which a pass whose working set is `bytes` (what it reads and writes, and a CPU trainer's
    /// convolution its blocked copies too) streams: `memoryBandwidth`, or `privateCacheSpeedup` times it where the
    /// private caches of the cores the profile runs on hold it all.
    ///
    /// A CPU pass over a tensor that the previous pass just wrote, and that fits in its core's own cache, reads it
    /// from there at that cache's rate; one over a larger working set evicts each line before it comes back to it,
    /// so the private cache holds none of it (least-recently-used replacement) and the pass streams from the shared
    /// cache or memory. A split pass spreads its bytes over the private caches of its threads' cores. Profiles
    /// without a measured speedup (accelerators, profile files written before it) stream everything at
    /// `memoryBandwidth`.
    public func memoryBandwidth(workingSetBytes bytes: Int) -> Double {
        guard let speedup = privateCacheSpeedup, speedup > 0, let perCore = privateCacheBytes, perCore > 0 else {
            return memoryBandwidth
        }
        let cores = max(1, threads ?? self.cores ?? 1)
        return bytes <= perCore * cores ? memoryBandwidth * speedup : memoryBandwidth
    }
}
