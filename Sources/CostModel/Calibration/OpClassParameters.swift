import Workload
/// Calibrated time parameters of one op class on one device.
///
/// Time of an op: `overhead + max(flops / (peak * compute.e(flops)), bytes / (bandwidth * memory.e(bytes)))
/// + columnBytes / (bandwidth * lowering) + columnSegments * loweringSecondsPerSegment` (with `+`
/// for `max` where `serialMemory`), the last two terms only where `lowering` is set
/// (convolutions lowered to a GEMM through a column matrix on a CPU; see `ConvolutionLowering`).
public struct OpClassParameters: Sendable, Hashable, Codable {
    public var launchOverheadSeconds: Double
    public var computeEfficiency: EfficiencyCurve
    public var memoryEfficiency: EfficiencyCurve
    /// Achieved fraction of the memory bandwidth when building or folding back the column
    /// matrix (im2col / col2im), a pass of its own beside the GEMM; nil: not lowered.
    public var loweringEfficiency: Double?
    /// Seconds per contiguous segment of the column matrix copied or added (loop and call
    /// overhead beside the bytes, `ConvolutionLowering.rowLength`); nil: not priced.
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
