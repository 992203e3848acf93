/// How often the parts of a cluster interrupt a training job, per hour of each part.
///
/// A job fails when any part it runs on fails, so its rate is the sum over its parts
/// (`jobFailuresPerHour`): failures arrive as a Poisson process, the assumption of the Young–Daly model.
public struct FailureRates: Sendable, Equatable, Codable {
    /// Interruptions per device-hour (GPU, its memory and its processors).
    public var perDeviceHour: Double
    /// Interruptions per server-hour (host, NICs, cables, software on the host), for servers and TPU hosts alike.
    public var perServerHour: Double
    /// Interruptions per switch-hour of the switches outside the servers.
    public var perSwitchHour: Double

    public init(perDeviceHour: Double, perServerHour: Double, perSwitchHour: Double) {
        self.perDeviceHour = perDeviceHour
        self.perServerHour = perServerHour
        self.perSwitchHour = perSwitchHour
    }

    /// Interruptions per hour of a job on `devices` devices in `servers` servers behind `switches` switches.
    public func jobFailuresPerHour(devices: Int, servers: Int, switches: Int) -> Double {
        perDeviceHour * Double(devices) + perServerHour * Double(servers) + perSwitchHour * Double(switches)
    }

    // The published statistics behind the defaults: Meta's Llama 3 pre-training on 16,384 H100 GPUs
    // (8 per server) saw 419 unexpected job interruptions in a 54-day snapshot; 58.7% of them were GPU issues
    // (faulty GPUs, HBM3, SRAM, GPU system processor, thermal), the rest hosts, network, software and other.
    // Source: Llama Team, "The Llama 3 Herd of Models", arXiv:2407.21783 (2024), section 3.3.4 and Table 5.
    static let llama3UnexpectedInterruptions = 419.0
    static let llama3SnapshotHours = 54.0 * 24
    static let llama3GPUs = 16_384.0
    static let llama3GPUsPerServer = 8.0
    static let llama3GPUShare = 0.587

    /// The defaults, from the Llama 3 statistics: GPU issues per GPU-hour, every other cause per server-hour
    /// (network switch and cable failures are among them: the paper does not give the switch count, so switches
    /// default to 0 and a user with switch figures sets `reliability.failuresPerSwitchHour`).
    public static let llama3 = FailureRates(
        perDeviceHour: llama3GPUShare * llama3UnexpectedInterruptions / (llama3GPUs * llama3SnapshotHours),
        perServerHour: (1 - llama3GPUShare) * llama3UnexpectedInterruptions
            / (llama3GPUs / llama3GPUsPerServer * llama3SnapshotHours),
        perSwitchHour: 0)

    /// No failures at all.
    public static let none = FailureRates(perDeviceHour: 0, perServerHour: 0, perSwitchHour: 0)
}
