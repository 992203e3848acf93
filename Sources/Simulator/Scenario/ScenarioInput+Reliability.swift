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
            detectTime = try section.parsed("detectTime", UnitParser.parseSeconds)
            restartTime = try section.parsed("restartTime", UnitParser.parseSeconds)
            checkpointInterval = try section.parsed("checkpointInterval", CheckpointInterval.init(reading:field:))
            checkpointMode = try section.choice("checkpointMode", CheckpointMode.self)
            checkpointBandwidth = try section.parsed("checkpointBandwidth", UnitParser.parseBytesPerSecond)
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(failuresPerDeviceHour, "reliability.failuresPerDeviceHour")
            try input.check(failuresPerServerHour, "reliability.failuresPerServerHour")
            try input.check(failuresPerSwitchHour, "reliability.failuresPerSwitchHour")
            try input.check(detectTime, "reliability.detectTime", UnitParser.duration)
            try input.check(restartTime, "reliability.restartTime", UnitParser.duration)
            try input.check(checkpointInterval, "reliability.checkpointInterval") { try $0.check(written: $1, field: $2) }
            try input.check(checkpointBandwidth, "reliability.checkpointBandwidth", UnitParser.bandwidth)
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
