import InputParsing

extension ScenarioInput {
    /// The `power` section as written.
    public struct Power: ScenarioInputSection {
        public var pue: Double?
        public var hostWattsPerDevice: Double?
        public var nicWatts: Double?
        public var switchWatts: Double?
        public var communicatingActivity: Double?
        public var carbonIntensity: Double?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            pue = try section.double("pue")
            hostWattsPerDevice = try section.double("hostWattsPerDevice")
            nicWatts = try section.double("nicWatts")
            switchWatts = try section.double("switchWatts")
            communicatingActivity = try section.double("communicatingActivity")
            carbonIntensity = try section.double("carbonIntensity")
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(pue, "power.pue", minimum: 1)
            try input.check(hostWattsPerDevice, "power.hostWattsPerDevice")
            try input.check(nicWatts, "power.nicWatts")
            try input.check(switchWatts, "power.switchWatts")
            try input.check(communicatingActivity, "power.communicatingActivity")
            try input.check(carbonIntensity, "power.carbonIntensity")
            if let activity = communicatingActivity, activity > 1 {
                throw input.locate(ConfigurationError(
                    field: "communicatingActivity", value: "\(activity)", reason: "a fraction is at most 1"), section: "power", key: "communicatingActivity")
            }
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.pue, "pue", from: other, into: &keys)
            take(\.hostWattsPerDevice, "hostWattsPerDevice", from: other, into: &keys)
            take(\.nicWatts, "nicWatts", from: other, into: &keys)
            take(\.switchWatts, "switchWatts", from: other, into: &keys)
            take(\.communicatingActivity, "communicatingActivity", from: other, into: &keys)
            take(\.carbonIntensity, "carbonIntensity", from: other, into: &keys)
            return keys
        }
    }
}
