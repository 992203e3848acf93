extension ScenarioInput {
    /// The `training` section as written: the run's length (one of iterations, epochs and kimg) and growth.
    public struct Training: ScenarioInputSection {
        public var iterations: Int?
        public var epochs: Double?
        public var kimg: Double?
        /// Dataset samples an epoch holds (nil: ImageNet-1k's).
        public var datasetSamples: Int?
        /// Whether a model that grows progressively does (nil: it does).
        public var growth: Bool?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            growth = try section.bool("growth")
            iterations = try section.int("iterations")
            epochs = try section.double("epochs")
            kimg = try section.double("kimg")
            datasetSamples = try section.int("datasetSamples")
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(iterations, "training.iterations", minimum: 1)
            try input.check(epochs, "training.epochs")
            try input.check(kimg, "training.kimg")
            try input.check(datasetSamples, "training.datasetSamples", minimum: 1)
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.iterations, "iterations", from: other, into: &keys)
            take(\.epochs, "epochs", from: other, into: &keys)
            take(\.kimg, "kimg", from: other, into: &keys)
            take(\.datasetSamples, "datasetSamples", from: other, into: &keys)
            take(\.growth, "growth", from: other, into: &keys)
            return keys
        }
    }
}
