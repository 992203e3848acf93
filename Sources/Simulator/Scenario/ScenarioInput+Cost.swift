import InputParsing

extension ScenarioInput {
    /// The `cost` section as written.
    public struct Cost: ScenarioInputSection {
        /// `pricing: owned` (true) or `cloud` (false).
        public var owned: Bool?
        public var usdPerDeviceHour: Double?
        public var usdPerNodeHour: Double?
        public var usdPerKWh: Double?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            if let pricing = try section.string("pricing") {
                switch pricing {
                case "cloud": owned = false
                case "owned": owned = true
                default:
                    throw section.locate(ConfigurationError(field: "pricing", value: pricing, reason: "expected cloud or owned"), key: "pricing")
                }
            }
            usdPerDeviceHour = try section.double("usdPerDeviceHour")
            usdPerNodeHour = try section.double("usdPerNodeHour")
            usdPerKWh = try section.double("usdPerKWh")
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(usdPerDeviceHour, "cost.usdPerDeviceHour")
            try input.check(usdPerNodeHour, "cost.usdPerNodeHour")
            try input.check(usdPerKWh, "cost.usdPerKWh")
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.owned, "pricing", from: other, into: &keys)
            take(\.usdPerDeviceHour, "usdPerDeviceHour", from: other, into: &keys)
            take(\.usdPerNodeHour, "usdPerNodeHour", from: other, into: &keys)
            take(\.usdPerKWh, "usdPerKWh", from: other, into: &keys)
            return keys
        }
    }
}
