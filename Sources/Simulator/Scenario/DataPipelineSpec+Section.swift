import InputParsing
extension DataPipelineSpec {
    /// Applies the scenario's `data` section to these values; errors name the field, value and line.
    mutating func apply(_ section: ScenarioInput.Data, in input: ScenarioInput) throws {
        storageBytesPerSecond = section.storageBandwidth ?? storageBytesPerSecond
        encodedBytesPerSample = section.bytesPerSample ?? encodedBytesPerSample
        decodeSamplesPerSecondPerCore = section.decodeRatePerCore ?? decodeSamplesPerSecondPerCore
        decodeCores = section.decodeCores ?? decodeCores
        prefetchBatches = section.prefetch ?? prefetchBatches
        if !(encodedBytesPerSample > 0) {
            throw input.locate(ConfigurationError(field: "bytesPerSample", value: "0", reason: "must be positive"), section: "data", key: "bytesPerSample")
        }
        if !(decodeSamplesPerSecondPerCore > 0) {
            throw input.locate(ConfigurationError(field: "decodeRatePerCore", value: "0", reason: "must be positive"), section: "data", key: "decodeRatePerCore")
        }
    }
}
