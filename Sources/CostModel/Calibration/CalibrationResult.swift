import Workload
/// A fitted profile and how well it fits.
public struct CalibrationResult: Sendable, Codable {
    /// The base profile with the fitted per-class parameters and residual spread.
    public var profile: DeviceProfile
    /// One entry per fitted class, in `OpClass` order.
    public var classes: [ClassFit]
    /// Samples used in total.
    public var samples: Int
}
