import InputParsing
extension ReliabilitySpec {
    /// The keys of the scenario's `reliability` section.
    static let fields = ["failuresPerDeviceHour", "failuresPerServerHour", "failuresPerSwitchHour", "detectTime", "restartTime",
                         "checkpointInterval", "checkpointMode", "checkpointBandwidth"]

    /// The `reliability` section: each field overrides the default; errors name the field, value and line.
    init(section: inout ScenarioYAMLSection) throws {
        self.init()
        rates.perDeviceHour = try section.double("failuresPerDeviceHour") ?? rates.perDeviceHour
        rates.perServerHour = try section.double("failuresPerServerHour") ?? rates.perServerHour
        rates.perSwitchHour = try section.double("failuresPerSwitchHour") ?? rates.perSwitchHour
        detectSeconds = try section.parsed("detectTime", UnitParser.seconds) ?? detectSeconds
        restartSeconds = try section.parsed("restartTime", UnitParser.seconds) ?? restartSeconds
        interval = try section.parsed("checkpointInterval", CheckpointInterval.init(parsing:field:)) ?? interval
        mode = try section.choice("checkpointMode", CheckpointMode.self) ?? mode
        if let bandwidth = try section.parsed("checkpointBandwidth", UnitParser.bytesPerSecond) {
            guard bandwidth > 0, bandwidth.isFinite else {
                throw section.locate(ConfigurationError(
                    field: "checkpointBandwidth", value: "\(bandwidth)", reason: "must be a positive number of bytes per second"),
                    key: "checkpointBandwidth")
            }
            storageBytesPerSecond = bandwidth
        }
        try section.finish()
    }
}

extension ReliabilitySpec {
    /// The spec as a scenario's `reliability` section, which `init(section:)` reads back to an equal spec.
    public var yaml: String {
        var text = "reliability:\n"
        text += "  failuresPerDeviceHour: \(rates.perDeviceHour)\n  failuresPerServerHour: \(rates.perServerHour)\n"
        text += "  failuresPerSwitchHour: \(rates.perSwitchHour)\n"
        text += "  detectTime: \(detectSeconds)\n  restartTime: \(restartSeconds)\n  checkpointMode: \(mode.rawValue)\n"
        switch interval {
        case .youngDaly: text += "  checkpointInterval: optimal\n"
        case .seconds(let seconds): text += "  checkpointInterval: \(seconds)\n"
        }
        if let storageBytesPerSecond { text += "  checkpointBandwidth: \(storageBytesPerSecond)\n" }
        return text
    }
}
