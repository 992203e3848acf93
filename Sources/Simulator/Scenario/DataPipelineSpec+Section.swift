import InputParsing
extension DataPipelineSpec {
    /// Applies the scenario's `data` section to these values; errors name the field, value and line.
    mutating func read(_ section: inout ScenarioYAMLSection) throws {
        storageBytesPerSecond = try section.parsed("storageBandwidth", UnitParser.bytesPerSecond) ?? storageBytesPerSecond
        encodedBytesPerSample = try section.parsed("bytesPerSample", UnitParser.bytes) ?? encodedBytesPerSample
        decodeSamplesPerSecondPerCore = try section.double("decodeRatePerCore") ?? decodeSamplesPerSecondPerCore
        decodeCores = try section.int("decodeCores", minimum: 1) ?? decodeCores
        prefetchBatches = try section.int("prefetch", minimum: 1) ?? prefetchBatches
        try section.finish()
        if !(encodedBytesPerSample > 0) {
            throw section.locate(ConfigurationError(field: "bytesPerSample", value: "0", reason: "must be positive"), key: "bytesPerSample")
        }
        if !(decodeSamplesPerSecondPerCore > 0) {
            throw section.locate(ConfigurationError(field: "decodeRatePerCore", value: "0", reason: "must be positive"), key: "decodeRatePerCore")
        }
    }
}
