extension ScenarioInput {
    /// The `simulate` section as written.
    public struct Simulate: ScenarioInputSection {
        /// Iterations the simulation runs (nil: 10).
        public var iterations: Int?

        public init() {}

        /// A section that simulates `iterations` iterations.
        public init(iterations: Int) { self.iterations = iterations }

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            iterations = try section.int("iterations")
            try section.finish()
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.iterations, "iterations", from: other, into: &keys)
            return keys
        }
    }
}
