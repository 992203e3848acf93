import Workload
/// How hard a work item drives a device: the higher of achieved FLOP/s over peak and achieved bandwidth over peak.
///
/// The energy model scales a device's dynamic power (busy minus idle watts) by this
/// fraction while the item runs, so a launch-bound elementwise op draws little more than
/// idle power and a large GEMM at full efficiency draws nearly TDP.
public enum WorkActivity {
    /// Activity in [0, 1] of `item`, which takes `seconds` on `device`.
    public static func fraction(_ item: WorkItem, seconds: Double, device: DeviceProfile) -> Double {
        guard seconds > 0 else { return 0 }
        let flops = Double(item.cost.flops)
        let peak = item.gemm != nil ? (device.matrixPeak(item.precision) ?? device.matrixPeak(.fp32) ?? device.vectorPeakFLOPS) : device.vectorPeakFLOPS
        let computeFraction = peak > 0 ? flops / seconds / peak : 0
        let memoryFraction = device.memoryBandwidth > 0 ? Double(item.cost.bytes) / seconds / device.memoryBandwidth : 0
        return min(1, max(computeFraction, memoryFraction))
    }
}
