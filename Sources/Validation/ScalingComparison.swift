/// Measured against predicted data-parallel speed-up of one configuration between two GPU counts.
public struct ScalingComparison: Sendable, Codable, Hashable {
    /// Model, precision and topology.
    public var configuration: String
    public var fromGPUs: Int
    public var toGPUs: Int
    /// Seconds per kimg at `fromGPUs` over seconds per kimg at `toGPUs`, as published.
    public var measuredSpeedup: Double
    /// The same ratio as predicted.
    public var predictedSpeedup: Double

    /// Scaling efficiency (speed-up over the GPU ratio), as published.
    public var measuredEfficiency: Double { measuredSpeedup * Double(fromGPUs) / Double(toGPUs) }
    /// Scaling efficiency as predicted.
    public var predictedEfficiency: Double { predictedSpeedup * Double(fromGPUs) / Double(toGPUs) }
    /// Predicted minus measured efficiency, in percentage points.
    public var efficiencyErrorPoints: Double { (predictedEfficiency - measuredEfficiency) * 100 }
}
