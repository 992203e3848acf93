import InputParsing

extension ScenarioInput {
    /// The `communication` section as written.
    public struct Communication: ScenarioInputSection {
        /// The all-reduce algorithm; `.some(nil)` is `auto`, which picks from the topology one, or two to choose between
        /// by bucket size (`TrainingScenario.communication`).
        public var algorithm: CollectiveAlgorithm??
        /// Gradient bucket bytes.
        public var bucket: Double?
        public var chunks: Int?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            if let name = try section.string("algorithm") {
                guard name == "auto" || CollectiveAlgorithm(rawValue: name) != nil else {
                    throw section.locate(ConfigurationError(
                        field: "algorithm", value: name,
                        reason: "expected auto or one of \(CollectiveAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))"), key: "algorithm")
                }
                algorithm = .some(CollectiveAlgorithm(rawValue: name))
            }
            bucket = try section.parsed("bucket", UnitParser.parseBytes)
            chunks = try section.int("chunks")
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(bucket, "communication.bucket", UnitParser.size)
            try input.checkNonZero(bucket, "communication.bucket")
            try input.check(chunks, "communication.chunks", minimum: 1)
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.algorithm, "algorithm", from: other, into: &keys)
            take(\.bucket, "bucket", from: other, into: &keys)
            take(\.chunks, "chunks", from: other, into: &keys)
            return keys
        }
    }
}
