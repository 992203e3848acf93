import InputParsing

extension ScenarioInput {
    /// The `reliability` section as written.
    public struct Reliability: ScenarioInputSection {
        public var failuresPerDeviceHour: Double?
        public var failuresPerServerHour: Double?
        public var failuresPerSwitchHour: Double?
        /// Seconds.
        public var detectTime: Double?
        /// Seconds.
        public var restartTime: Double?
        public var checkpointInterval: CheckpointInterval?
        public var checkpointMode: CheckpointMode?
        /// Bytes per second.
        public var checkpointBandwidth: Double?

        public init() {}

        /// The section that describes `spec`: every field of it.
        public init(_ spec: ReliabilitySpec) {
            failuresPerDeviceHour = spec.rates.perDeviceHour
            failuresPerServerHour = spec.rates.perServerHour
            failuresPerSwitchHour = spec.rates.perSwitchHour
            detectTime = spec.detectSeconds
            restartTime = spec.restartSeconds
            checkpointInterval = spec.interval
            checkpointMode = spec.mode
            checkpointBandwidth = spec.storageBytesPerSecond
        }

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            failuresPerDeviceHour = try section.double("failuresPerDeviceHour")
            failuresPerServerHour = try section.double("failuresPerServerHour")
            failuresPerSwitchHour = try section.double("failuresPerSwitchHour")
            detectTime = try section.parsed("detectTime", UnitParser.seconds)
            restartTime = try section.parsed("restartTime", UnitParser.seconds)
            checkpointInterval = try section.parsed("checkpointInterval", CheckpointInterval.init(parsing:field:))
            checkpointMode = try section.choice("checkpointMode", CheckpointMode.self)
            checkpointBandwidth = try section.parsed("checkpointBandwidth", UnitParser.bytesPerSecond)
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(failuresPerDeviceHour, "reliability.failuresPerDeviceHour")
            try input.check(failuresPerServerHour, "reliability.failuresPerServerHour")
            try input.check(failuresPerSwitchHour, "reliability.failuresPerSwitchHour")
            if let bandwidth = checkpointBandwidth, !(bandwidth > 0 && bandwidth.isFinite) {
                throw input.locate(ConfigurationError(
                    field: "checkpointBandwidth", value: "\(bandwidth)", reason: "must be a positive number of bytes per second"),
                    section: "reliability", key: "checkpointBandwidth")
            }
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.failuresPerDeviceHour, "failuresPerDeviceHour", from: other, into: &keys)
            take(\.failuresPerServerHour, "failuresPerServerHour", from: other, into: &keys)
            take(\.failuresPerSwitchHour, "failuresPerSwitchHour", from: other, into: &keys)
            take(\.detectTime, "detectTime", from: other, into: &keys)
            take(\.restartTime, "restartTime", from: other, into: &keys)
            take(\.checkpointInterval, "checkpointInterval", from: other, into: &keys)
            take(\.checkpointMode, "checkpointMode", from: other, into: &keys)
            take(\.checkpointBandwidth, "checkpointBandwidth", from: other, into: &keys)
            return keys
        }
    }
}
