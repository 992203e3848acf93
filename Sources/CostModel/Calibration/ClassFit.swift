import Workload
/// The fitted parameters of one op class with their uncertainty and fit quality.
public struct ClassFit: Sendable, Hashable, Codable {
    public var opClass: OpClass
    /// CPU threads of the samples (0: unspecified).
    public var threads: Int
    public var samples: Int
    public var launchOverheadSeconds: Double
    /// Achieved fraction of the class's peak FLOP/s.
    public var computeEfficiency: Double
    /// Achieved fraction of the device's memory bandwidth.
    public var memoryEfficiency: Double
    /// Standard errors of the three parameters above (same units).
    public var launchOverheadStandardError: Double
    public var computeEfficiencyStandardError: Double
    public var memoryEfficiencyStandardError: Double
    /// Achieved fraction of the memory bandwidth of the column-matrix pass (nil: the
    /// samples had none) and its standard error.
    public var loweringEfficiency: Double?
    public var loweringEfficiencyStandardError: Double?
    /// Seconds per contiguous segment of the lowering bytes (nil: not fitted) and its
    /// standard error.
    public var loweringSecondsPerSegment: Double?
    public var loweringSecondsPerSegmentStandardError: Double?
    /// Coefficient of determination of log op times.
    public var rSquared: Double
    /// Standard deviation of relative errors `predicted / measured - 1`.
    public var residualSpread: Double
    /// Mean absolute relative error.
    public var meanAbsoluteError: Double
}
