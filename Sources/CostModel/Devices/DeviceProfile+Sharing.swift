extension DeviceProfile {
    /// Every time this profile prices multiplied by `factor`: peaks and bandwidth divided, fixed times multiplied.
    ///
    /// Each priced time is a fixed part plus work over a peak or bandwidth (the efficiency curves read the work, not
    /// the time), so the scaling is exact.
    public func slowed(by factor: Double) -> DeviceProfile {
        guard factor != 1 else { return self }
        // The peaks carry the work's share; of the classes' parameters only the fixed times scale.
        func scaled(_ c: OpClassParameters) -> OpClassParameters {
            var c = c
            c.launchOverheadSeconds *= factor
            c.loweringSecondsPerSegment = c.loweringSecondsPerSegment.map { $0 * factor }
            return c
        }
        var p = self
        p.matrixPeakFLOPS = matrixPeakFLOPS.mapValues { $0 / factor }
        p.vectorPeakFLOPS /= factor
        p.memoryBandwidth /= factor
        p.launchOverheadSeconds *= factor
        p.opClasses = opClasses?.mapValues(scaled)
        p.opClassesByThreads = opClassesByThreads?.mapValues { $0.mapValues(scaled) }
        p.iterationOverheadSeconds = iterationOverheadSeconds.map { $0 * factor }
        p.inputSecondsPerElement = inputSecondsPerElement.map { $0 * factor }
        return p
    }

    /// A CPU profile for one of `processes` processes of `threadsEach` threads that run at once on this machine.
    ///
    /// The profile's thread tables were fitted on one process, alone on the machine. Beside the others, each process
    /// gets its share of the cores, `cores / processes`: threads beyond its share add nothing (the cores are busy with
    /// the other processes), so it runs as a process of `min(threadsEach, share)` threads, and below one core it takes
    /// turns on a core (every time divided by its share). Each core then delivers `coRunningEfficiency` of that (shared
    /// caches and memory bandwidth, uneven turns; measured). The processes hold their training states in one
    /// last-level cache, so each can count on its share of it, `lastLevelCacheBytes / processes`
    /// (`CPUTrainerPricing.streamedWeightShare`). A process with more threads than its share still splits
    /// its passes across all of them, whose threads then contend for the cores with the other processes' and wait for
    /// one another at each region's end: each split pass takes `splitSlowdown` times as long (measured;
    /// `oversubscribedSplitSlowdown`), a convolution's `convolutionSplitSlowdown` times (oneDNN splits them on threads
    /// of its own; nil: `splitSlowdown`). One process is `restricted(toThreads:)` unchanged.
    public func sharingMachine(processes: Int, threadsEach: Int, coRunningEfficiency: Double,
                               splitSlowdown: Double = 1, convolutionSplitSlowdown: Double? = nil) -> DeviceProfile {
        guard processes > 1, let cores, cores > 0 else { return restricted(toThreads: threadsEach) }
        let share = Double(cores) / Double(processes)
        let threads = sharedThreads(processes: processes, threadsEach: threadsEach)
        var p = restricted(toThreads: threads).slowed(by: max(1, 1 / share) / coRunningEfficiency)
        if threadsEach > threads {
            if splitSlowdown != 1 { p.oversubscribedSplitSlowdown = splitSlowdown }
            if let convolutions = convolutionSplitSlowdown, convolutions != splitSlowdown {
                p.oversubscribedConvolutionSplitSlowdown = convolutions
            }
        }
        p.lastLevelCacheBytes = lastLevelCacheBytes.map { $0 / processes }
        return p
    }

    /// How many of `processes` processes share each core (1 for a profile without cores): above 1, they take turns on
    /// the cores.
    public func processesPerCore(_ processes: Int) -> Double {
        cores.map { Double(processes) / Double(max($0, 1)) } ?? 1
    }

    /// The threads `sharingMachine` prices one of `processes` processes of `threadsEach` threads with: its share of
    /// the cores, at least one and at most its own threads (all of them for one process or a profile without cores).
    public func sharedThreads(processes: Int, threadsEach: Int) -> Int {
        guard processes > 1, let cores, cores > 0 else { return threadsEach }
        return max(1, min(threadsEach, cores / processes))
    }
}
