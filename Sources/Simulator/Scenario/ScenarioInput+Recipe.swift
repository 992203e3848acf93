import Workload

extension ScenarioInput {
    /// The `recipe` section as written: overrides of the architecture's official recipe.
    public struct Recipe: ScenarioInputSection {
        public var batchPerDevice: Int?
        public var accumulation: Int?
        public var discriminatorSteps: Int?
        /// The precision named; the architecture's official recipe says which blocks it covers.
        public var precision: Precision?
        /// Blocks at the highest resolutions in mixed precision (0: all).
        public var mixedPrecisionResolutions: Int?
        public var optimizer: OptimizerKind?
        public var ema: Bool?
        public var r1Interval: Int?
        public var pathLengthInterval: Int?
        public var hostLaunches: HostLaunchMode?
        public var implementation: String?
        /// Discriminator blocks frozen from the input (0: none).
        public var frozenDiscriminatorBlocks: Int?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            batchPerDevice = try section.int("batchPerDevice")
            accumulation = try section.int("accumulation")
            discriminatorSteps = try section.int("discriminatorSteps")
            precision = try section.choice("precision", Precision.self)
            mixedPrecisionResolutions = try section.int("mixedPrecisionResolutions")
            optimizer = try section.choice("optimizer", OptimizerKind.self)
            ema = try section.bool("ema")
            r1Interval = try section.int("r1Interval")
            pathLengthInterval = try section.int("pathLengthInterval")
            hostLaunches = try section.choice("hostLaunches", HostLaunchMode.self)
            implementation = try section.string("implementation")
            frozenDiscriminatorBlocks = try section.int("frozenDiscriminatorBlocks")
            try section.finish()
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(batchPerDevice, "recipe.batchPerDevice", minimum: 1)
            try input.check(accumulation, "recipe.accumulation", minimum: 1)
            try input.check(discriminatorSteps, "recipe.discriminatorSteps", minimum: 1)
            try input.check(mixedPrecisionResolutions, "recipe.mixedPrecisionResolutions")
            try input.check(r1Interval, "recipe.r1Interval")
            try input.check(pathLengthInterval, "recipe.pathLengthInterval")
            try input.check(frozenDiscriminatorBlocks, "recipe.frozenDiscriminatorBlocks")
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.batchPerDevice, "batchPerDevice", from: other, into: &keys)
            take(\.accumulation, "accumulation", from: other, into: &keys)
            take(\.discriminatorSteps, "discriminatorSteps", from: other, into: &keys)
            take(\.precision, "precision", from: other, into: &keys)
            take(\.mixedPrecisionResolutions, "mixedPrecisionResolutions", from: other, into: &keys)
            take(\.optimizer, "optimizer", from: other, into: &keys)
            take(\.ema, "ema", from: other, into: &keys)
            take(\.r1Interval, "r1Interval", from: other, into: &keys)
            take(\.pathLengthInterval, "pathLengthInterval", from: other, into: &keys)
            take(\.hostLaunches, "hostLaunches", from: other, into: &keys)
            take(\.implementation, "implementation", from: other, into: &keys)
            take(\.frozenDiscriminatorBlocks, "frozenDiscriminatorBlocks", from: other, into: &keys)
            return keys
        }
    }
}
