/// Calibrated time parameters of one op class on one device.
///
/// Time of an op: `overhead + max(flops / (peak * compute.e(flops)), bytes / (bandwidth * memory.e(bytes)))`.
public struct OpClassParameters: Sendable, Hashable, Codable {
    public var launchOverheadSeconds: Double
    public var computeEfficiency: EfficiencyCurve
    public var memoryEfficiency: EfficiencyCurve

    public init(launchOverheadSeconds: Double, computeEfficiency: EfficiencyCurve, memoryEfficiency: EfficiencyCurve) {
        self.launchOverheadSeconds = launchOverheadSeconds
        self.computeEfficiency = computeEfficiency
        self.memoryEfficiency = memoryEfficiency
    }
}
