extension ReliabilitySpec {
    /// The keys of the scenario's `reliability` section.
    static let fields = ["failuresPerDeviceHour", "failuresPerServerHour", "failuresPerSwitchHour", "detectTime", "restartTime",
                         "checkpointInterval", "checkpointMode", "checkpointBandwidth"]

    /// The `reliability` section: each field overrides the default.
    public init(section: ScenarioInput.Reliability) {
        self.init()
        rates.perDeviceHour = section.failuresPerDeviceHour ?? rates.perDeviceHour
        rates.perServerHour = section.failuresPerServerHour ?? rates.perServerHour
        rates.perSwitchHour = section.failuresPerSwitchHour ?? rates.perSwitchHour
        detectSeconds = section.detectTime ?? detectSeconds
        restartSeconds = section.restartTime ?? restartSeconds
        interval = section.checkpointInterval ?? interval
        mode = section.checkpointMode ?? mode
        storageBytesPerSecond = section.checkpointBandwidth ?? storageBytesPerSecond
    }
}
