import InputParsing

extension ScenarioInput {
    /// The `mode` section as written.
    public struct Mode: ScenarioInputSection {
        /// `kind: asynchronous` (true) or `synchronous` (false).
        public var asynchronous: Bool?
        /// Updates a step may lag behind in asynchronous mode.
        public var staleness: Int?
        /// Devices of G's own group (the rest are D's).
        public var generatorDevices: Int?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            let kind = try section.string("kind")
            staleness = try section.int("staleness")
            generatorDevices = try section.int("generatorDevices")
            switch kind {
            case nil: break
            case "synchronous": asynchronous = false
            case "asynchronous": asynchronous = true
            case let name?:
                throw section.locate(ConfigurationError(field: "kind", value: name, reason: "expected synchronous or asynchronous"), key: "kind")
            }
            try section.finish()
        }

        /// The training mode it describes.
        var mode: TrainingMode { asynchronous == true ? .asynchronous(staleness: staleness ?? 1) : .synchronous }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(staleness, "mode.staleness", minimum: 1)
            try input.check(generatorDevices, "mode.generatorDevices", minimum: 1)
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.asynchronous, "kind", from: other, into: &keys)
            take(\.staleness, "staleness", from: other, into: &keys)
            take(\.generatorDevices, "generatorDevices", from: other, into: &keys)
            return keys
        }
    }
}
