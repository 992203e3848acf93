import Workload
/// A saturating efficiency `e(w) = maxEfficiency * w / (w + halfSaturation)`.
///
/// Small ops cannot fill a device: their achieved fraction of peak grows with their work
/// `w` (FLOPs or bytes) and saturates at `maxEfficiency`; at `w = halfSaturation` it is
/// half of that. These two numbers per device are what calibration fits.
public struct EfficiencyCurve: Sendable, Hashable, Codable {
    /// The fraction of peak that large ops reach, in (0, 1].
    public var maxEfficiency: Double
    /// Work (FLOPs or bytes) at which half of `maxEfficiency` is reached.
    public var halfSaturation: Double

    public init(maxEfficiency: Double, halfSaturation: Double) {
        self.maxEfficiency = maxEfficiency
        self.halfSaturation = halfSaturation
    }

    /// The achieved fraction of peak for an op of `work` units.
    @inlinable
    public func efficiency(work: Double) -> Double {
        work <= 0 ? maxEfficiency : maxEfficiency * work / (work + halfSaturation)
    }
}
