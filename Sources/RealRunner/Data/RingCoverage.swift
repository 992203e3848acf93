/// Mode coverage of generated points on the 8-Gaussian ring.
public struct RingCoverage: Sendable, Codable, Equatable {
    /// Modes that received a meaningful share of high-quality samples.
    public var modesCovered: Int
    /// Fraction of samples within 3 standard deviations of some mode centre.
    public var highQualityFraction: Double
    /// High-quality samples per mode.
    public var samplesPerMode: [Int]
}
