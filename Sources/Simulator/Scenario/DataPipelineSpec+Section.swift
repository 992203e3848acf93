extension DataPipelineSpec {
    /// Applies the scenario's `data` section to these values (its ranges are `ScenarioInput.Data.validate`'s).
    mutating func apply(_ section: ScenarioInput.Data) {
        storageBytesPerSecond = section.storageBandwidth ?? storageBytesPerSecond
        encodedBytesPerSample = section.bytesPerSample ?? encodedBytesPerSample
        decodeSamplesPerSecondPerCore = section.decodeRatePerCore ?? decodeSamplesPerSecondPerCore
        decodeCores = section.decodeCores ?? decodeCores
        prefetchBatches = section.prefetch ?? prefetchBatches
    }
}
