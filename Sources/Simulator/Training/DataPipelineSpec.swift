/// The input pipeline that feeds real images to every device.
///
/// Images are read from storage whose bandwidth all machines share equally, decoded on
/// host cores at a per-core rate, and copied host-to-device over the route from the
/// machine's CPU to the device (PCIe). Each stage is a fluid server; a device's batch is
/// ready after the slowest stage, and at most `prefetchBatches` batches are buffered.
public struct DataPipelineSpec: Sendable, Equatable {
    /// Aggregate storage read bandwidth shared by all machines, in bytes per second.
    public var storageBytesPerSecond: Double
    /// Encoded (on-disk) bytes per image.
    public var encodedBytesPerSample: Double
    /// Images one host core decodes and augments per second.
    public var decodeSamplesPerSecondPerCore: Double
    /// Host cores per machine given to decoding (nil: all of the machine's cores).
    public var decodeCores: Int?
    /// Batches buffered ahead per device.
    public var prefetchBatches: Int

    /// Creates a pipeline description.
    public init(
        storageBytesPerSecond: Double, encodedBytesPerSample: Double, decodeSamplesPerSecondPerCore: Double,
        decodeCores: Int? = nil, prefetchBatches: Int = 2
    ) {
        self.storageBytesPerSecond = storageBytesPerSecond
        self.encodedBytesPerSample = encodedBytesPerSample
        self.decodeSamplesPerSecondPerCore = decodeSamplesPerSecondPerCore
        self.decodeCores = decodeCores
        self.prefetchBatches = prefetchBatches
    }

    /// A pipeline for ImageNet-like JPEGs (~110 KB each) on a fast parallel file system.
    ///
    /// 110 KB is the mean size of an ImageNet-1k training JPEG (138 GB / 1.28 M images);
    /// 10 GB/s aggregate storage and 400 images/s per core (libjpeg-turbo decode plus
    /// crop/resize) are assumptions, not measurements.
    public static let imagenetDefault = DataPipelineSpec(
        storageBytesPerSecond: 10e9, encodedBytesPerSample: 110e3, decodeSamplesPerSecondPerCore: 400)
}
