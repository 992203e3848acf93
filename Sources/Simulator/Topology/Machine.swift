/// A server (or TPU host): CPU sockets with cores, its devices and NICs.
public struct Machine: Sendable, Equatable {
    /// Vertex indices of the CPU sockets (PCIe root complexes).
    public var hostNodes: [Int]
    /// CPU cores in the whole machine (all sockets).
    public var cpuCores: Int
    /// Device ranks (indices into `Topology.devices`) in this machine.
    public var deviceRanks: [Int]
    /// Vertex indices of the machine's NICs.
    public var nicNodes: [Int]
    /// Host power per device in watts (the server's power less its GPUs', over its GPUs: `ServerPreset.hostWattsPerGPU`);
    /// nil where no server figure applies (parametric topologies, TPU hosts), which `PowerSpec.assumedHostWatts` prices.
    public var hostWattsPerDevice: Double?

    /// Creates a machine description.
    public init(hostNodes: [Int], cpuCores: Int, deviceRanks: [Int], nicNodes: [Int], hostWattsPerDevice: Double? = nil) {
        self.hostNodes = hostNodes
        self.cpuCores = cpuCores
        self.deviceRanks = deviceRanks
        self.nicNodes = nicNodes
        self.hostWattsPerDevice = hostWattsPerDevice
    }
}
