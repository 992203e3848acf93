import Workload
/// Calibrated time parameters of one op class on one device.
///
/// Time of an op: `overhead + max(flops / (peak * compute.e(flops)), bytes / (bandwidth * memory.e(bytes)))
/// + columnBytes / (bandwidth * lowering) + columnSegments * loweringSecondsPerSegment` (with `+`
/// for `max` where `serialMemory`), the last two terms only where `lowering` is set
/// (CPU convolutions, whose tensors are converted to and from oneDNN's layouts around each
/// call; see `ConvolutionLayout`).
public struct OpClassParameters: Sendable, Hashable, Codable {
    public var launchOverheadSeconds: Double
    public var computeEfficiency: EfficiencyCurve
    public var memoryEfficiency: EfficiencyCurve
    /// Achieved fraction of the memory bandwidth when converting a convolution's tensors
    /// between layouts (`columnBytes`), a pass of its own beside the kernel; nil: none.
    public var loweringEfficiency: Double?
    /// Seconds per contiguous segment of those bytes (a loop step and a call each), fitted only
    /// from measurements that count segments (the earlier im2col trainer's); nil: not priced.
    public var loweringSecondsPerSegment: Double?
    /// Whether the memory term adds to the compute term instead of hiding under it: true
    /// for GEMMs on a CPU core, which packs its operands (a memory-bound copy) before the
    /// FMA kernel runs on the packed panels; nil or false: `max` (accelerators overlap them).
    public var serialMemory: Bool?

    public init(launchOverheadSeconds: Double, computeEfficiency: EfficiencyCurve, memoryEfficiency: EfficiencyCurve,
                loweringEfficiency: Double? = nil, loweringSecondsPerSegment: Double? = nil, serialMemory: Bool? = nil) {
        self.launchOverheadSeconds = launchOverheadSeconds
        self.computeEfficiency = computeEfficiency
        self.memoryEfficiency = memoryEfficiency
        self.loweringEfficiency = loweringEfficiency
        self.loweringSecondsPerSegment = loweringSecondsPerSegment
        self.serialMemory = serialMemory
    }

    /// Seconds of the column-matrix pass for `columnBytes` in `segments` contiguous pieces at
    /// memory bandwidth `bandwidth`.
    public func loweringSeconds(columnBytes: Int, segments: Int = 0, bandwidth: Double) -> Double {
        guard let e = loweringEfficiency, e > 0, columnBytes > 0 else { return 0 }
        return Double(columnBytes) / (bandwidth * e) + Double(segments) * (loweringSecondsPerSegment ?? 0)
    }
}
