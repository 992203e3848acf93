import InputParsing

extension ScenarioInput {
    /// The `data` section as written (per sample: a video's frames together).
    public struct Data: ScenarioInputSection {
        public var storageBandwidth: Double?
        public var bytesPerSample: Double?
        public var decodeRatePerCore: Double?
        public var decodeCores: Int?
        public var prefetch: Int?

        public init() {}

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            storageBandwidth = try section.parsed("storageBandwidth", UnitParser.parseBytesPerSecond)
            bytesPerSample = try section.parsed("bytesPerSample", UnitParser.parseBytes)
            decodeRatePerCore = try section.double("decodeRatePerCore")
            decodeCores = try section.int("decodeCores")
            prefetch = try section.int("prefetch")
            try section.finish()
        }

        /// Checks each field's range: a sample has bytes and decodes at some rate, so neither is zero.
        func validate(in input: ScenarioInput) throws {
            try input.check(storageBandwidth, "data.storageBandwidth", UnitParser.bandwidth)
            try input.check(bytesPerSample, "data.bytesPerSample", UnitParser.size)
            try input.checkNonZero(bytesPerSample, "data.bytesPerSample")
            try input.check(decodeRatePerCore, "data.decodeRatePerCore")
            try input.checkNonZero(decodeRatePerCore, "data.decodeRatePerCore")
            try input.check(decodeCores, "data.decodeCores", minimum: 1)
            try input.check(prefetch, "data.prefetch", minimum: 1)
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.storageBandwidth, "storageBandwidth", from: other, into: &keys)
            take(\.bytesPerSample, "bytesPerSample", from: other, into: &keys)
            take(\.decodeRatePerCore, "decodeRatePerCore", from: other, into: &keys)
            take(\.decodeCores, "decodeCores", from: other, into: &keys)
            take(\.prefetch, "prefetch", from: other, into: &keys)
            return keys
        }
    }
}
