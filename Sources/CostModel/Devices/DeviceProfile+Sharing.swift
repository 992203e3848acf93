extension DeviceProfile {
    /// Every time this profile prices multiplied by `factor`: peaks and bandwidth divided, fixed times multiplied.
    ///
    /// Each priced time is a fixed part plus work over a peak or bandwidth (the efficiency curves read the work, not
    /// the time), so the scaling is exact.
    public func slowed(by factor: Double) -> DeviceProfile {
        guard factor != 1 else { return self }
        func scaled(_ p: OpClassParameters) -> OpClassParameters {
            var p = p
            p.launchOverheadSeconds *= factor
            p.loweringSecondsPerSegment = p.loweringSecondsPerSegment.map { $0 * factor }
            return p
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
    /// The profile's thread tables were fitted on one process, alone on the machine; beside other processes each core
    /// delivers `coRunningEfficiency` of what it does alone (shared caches and memory bandwidth, measured by running
    /// processes side by side), and when the processes' threads outnumber the cores, each thread gets its share of a
    /// core (`threads / cores` time-slicing). One process is `restricted(toThreads:)` unchanged.
    public func sharingMachine(processes: Int, threadsEach: Int, coRunningEfficiency: Double) -> DeviceProfile {
        let own = restricted(toThreads: threadsEach)
        guard processes > 1, let cores, cores > 0 else { return own }
        let slicing = max(1, Double(processes * threadsEach) / Double(cores))
        return own.slowed(by: slicing / coRunningEfficiency)
    }
}
