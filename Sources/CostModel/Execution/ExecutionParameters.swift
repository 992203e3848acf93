import Workload

/// How a framework executes on a device and its server's host: the GPU execution model's fitted parameters.
///
/// The host issues every kernel of a segment (`hostSecondsPerKernel` each: Python, the dispatcher, autograd, the
/// launch) while the device executes them (the roofline, at `deviceEfficiencyScale` times the profile's efficiency).
/// The two streams overlap: a segment takes `max(host, device) + (1 - overlap) * min(host, device)`, so `overlap` 1
/// is a host that always runs ahead and 0 one that waits for every kernel. Each parameter has a physical meaning and a
/// plausible range (`plausibleRanges`); none is per configuration.
public struct ExecutionParameters: Sendable, Hashable, Codable {
    /// The implementation whose runs the parameters were fitted to (`ImplementationProfile.named`); a model is priced
    /// with the launches of its architecture's official implementation (`ImplementationProfile.official(for:)`).
    public var implementation: String
    /// Host seconds to issue one kernel (eager PyTorch on a server CPU: about 5 to 100 us).
    public var hostSecondsPerKernel: Double
    /// Fraction of the shorter of the host and device streams hidden under the longer, in [0, 1].
    public var overlap: Double
    /// Achieved device throughput relative to the profile's roofline (0.2 to 2).
    public var deviceEfficiencyScale: Double
    /// The host CPU (`HostCPU.name`) whose issue time `hostSecondsPerKernel` is; nil: not tied to one, never rescaled.
    public var host: String?

    public init(implementation: String, hostSecondsPerKernel: Double, overlap: Double, deviceEfficiencyScale: Double,
                host: String? = nil) {
        self.implementation = implementation
        self.hostSecondsPerKernel = hostSecondsPerKernel
        self.overlap = overlap
        self.deviceEfficiencyScale = deviceEfficiencyScale
        self.host = host
    }

    /// The parameters on a server whose host CPU is `cpu`: the host time per kernel scaled by the ratio of the fitted
    /// host's boost clock to `cpu`'s (`HostCPU`); unchanged where the fitted host is unknown or is `cpu`.
    public func onHost(_ cpu: HostCPU) throws(ModelError) -> ExecutionParameters {
        guard let host, host != cpu.name else { return self }
        let fitted = try HostCPU.named(host)
        var p = self
        p.hostSecondsPerKernel *= fitted.boostClockGHz / cpu.boostClockGHz
        p.host = cpu.name
        return p
    }

    /// The range each parameter is physically plausible in, for fits and documentation.
    public static let plausibleRanges: [String: ClosedRange<Double>] = [
        "hostSecondsPerKernel": 2e-6...200e-6, "overlap": 0...1, "deviceEfficiencyScale": 0.2...2,
    ]

    /// Seconds of a segment whose device time is `deviceSeconds` and whose host issues `kernels` kernels.
    public func segmentSeconds(deviceSeconds: Double, kernels: Double) -> Double {
        let device = deviceSeconds / deviceEfficiencyScale
        let host = kernels * hostSecondsPerKernel
        return max(host, device) + (1 - overlap) * min(host, device)
    }
}
