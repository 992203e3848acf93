import Workload

/// A server's host CPU, the processor that runs an eager framework's Python and dispatcher for each GPU.
///
/// An eager step's host stream is single-threaded per GPU process, so its speed follows one core's clock. The GPU
/// execution model's host seconds per kernel are fitted on one host (`ExecutionParameters.host`) and rescaled to
/// another by the ratio of their single-core boost clocks: an assumption (same instructions per clock across these
/// server generations), stated here because no published measurement separates the two.
public struct HostCPU: Sendable, Hashable, Codable {
    /// Catalog key, e.g. `xeon-e5-2698-v4`.
    public var name: String
    /// The part, as its vendor names it.
    public var model: String
    /// Single-core boost clock in GHz.
    public var boostClockGHz: Double
    /// Where the clock comes from.
    public var source: String

    public init(name: String, model: String, boostClockGHz: Double, source: String) {
        self.name = name
        self.model = model
        self.boostClockGHz = boostClockGHz
        self.source = source
    }

    /// DGX-1's CPU (2 per server): 2.2 GHz base, 3.6 GHz turbo.
    public static let xeonE5_2698v4 = HostCPU(
        name: "xeon-e5-2698-v4", model: "Intel Xeon E5-2698 v4", boostClockGHz: 3.6,
        source: "../shared/hardware/devices.md servers table [29] (DGX-1 host); turbo clock from Intel ARK, E5-2698 v4")
    /// DGX-2's CPU (2 per server): 2.7 GHz base, 3.7 GHz turbo.
    public static let xeonPlatinum8168 = HostCPU(
        name: "xeon-platinum-8168", model: "Intel Xeon Platinum 8168", boostClockGHz: 3.7,
        source: "DGX-2 datasheet (2x Xeon Platinum 8168); turbo clock from Intel ARK, Platinum 8168")
    /// DGX A100's CPU (2 per server): 2.25 GHz base, 3.4 GHz boost.
    public static let epyc7742 = HostCPU(
        name: "epyc-7742", model: "AMD EPYC 7742", boostClockGHz: 3.4,
        source: "../shared/hardware/devices.md servers table [30] (DGX A100: 2x EPYC 7742, 2.25/3.4 GHz)")
    /// DGX H100 / HGX H200's CPU (2 per server): 2.0 GHz base, 3.8 GHz turbo.
    public static let xeonPlatinum8480C = HostCPU(
        name: "xeon-platinum-8480c", model: "Intel Xeon Platinum 8480C", boostClockGHz: 3.8,
        source: "../shared/hardware/devices.md servers table [31] (DGX H100 / HGX H200: 2x Xeon Platinum 8480C, 2.0/3.8 GHz)")
    /// DGX / HGX B200's CPU (2 per server): 2.1 GHz base, 4.0 GHz turbo.
    public static let xeonPlatinum8570 = HostCPU(
        name: "xeon-platinum-8570", model: "Intel Xeon Platinum 8570", boostClockGHz: 4.0,
        source: "../shared/hardware/devices.md servers table [1] (DGX/HGX B200: 2x Xeon Platinum 8570, 56 cores, 2.1/4.0 GHz, P)")
    /// GB200 NVL72's CPU (2 per compute tray, one per 2 GPUs): 72 Arm Neoverse V2 cores, 3.1 GHz base, 3.44 GHz boost.
    /// Rescaling an x86 fit to it by clock alone assumes an Arm core issues a kernel in as many cycles as an x86 one.
    public static let grace = HostCPU(
        name: "grace", model: "NVIDIA Grace (72 Arm Neoverse V2 cores)", boostClockGHz: 3.44,
        source: "../shared/hardware/devices.md servers table [12][13][25] (GB200 NVL72: Grace, 72 Neoverse V2 cores, 3.1/3.44 GHz, P)")
    /// A generic PCIe server or cloud VM host: an assumed 3.0 GHz sustained clock (cloud vCPUs rarely hold a single
    /// core's full turbo).
    public static let genericServer = HostCPU(
        name: "generic-server", model: "generic server CPU (assumed)", boostClockGHz: 3.0,
        source: "assumed: a typical sustained clock of cloud and PCIe-server vCPUs")

    /// The host CPUs gansim knows, by name.
    public static let all: [HostCPU] = [
        xeonE5_2698v4, xeonPlatinum8168, epyc7742, xeonPlatinum8480C, xeonPlatinum8570, grace, genericServer,
    ]

    /// The host CPU called `name`.
    public static func named(_ name: String) throws(ModelError) -> HostCPU {
        guard let found = all.first(where: { $0.name == name }) else {
            throw .unsupported(field: "host", value: name, accepted: all.map(\.name))
        }
        return found
    }
}
