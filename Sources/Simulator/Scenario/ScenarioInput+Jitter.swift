import InputParsing

extension ScenarioInput {
    /// The `jitter` section as written.
    public struct Jitter: ScenarioInputSection {
        public var cv: Double?
        public var stragglerProbability: Double?
        public var stragglerSlowdown: Double?
        public var deviceCv: Double?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            cv = try section.double("cv")
            stragglerProbability = try section.double("stragglerProbability")
            stragglerSlowdown = try section.double("stragglerSlowdown")
            deviceCv = try section.double("deviceCv")
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(cv, "jitter.cv")
            try input.check(stragglerProbability, "jitter.stragglerProbability")
            try input.check(stragglerSlowdown, "jitter.stragglerSlowdown", minimum: 1)
            try input.check(deviceCv, "jitter.deviceCv")
            if let p = stragglerProbability, p > 1 {
                throw input.locate(ConfigurationError(
                    field: "stragglerProbability", value: "\(p)", reason: "a probability is at most 1"), section: "jitter", key: "stragglerProbability")
            }
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.cv, "cv", from: other, into: &keys)
            take(\.stragglerProbability, "stragglerProbability", from: other, into: &keys)
            take(\.stragglerSlowdown, "stragglerSlowdown", from: other, into: &keys)
            take(\.deviceCv, "deviceCv", from: other, into: &keys)
            return keys
        }
    }
}
