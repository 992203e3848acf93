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

    /// Creates a machine description.
    public init(hostNodes: [Int], cpuCores: Int, deviceRanks: [Int], nicNodes: [Int]) {
        self.hostNodes = hostNodes
        self.cpuCores = cpuCores
        self.deviceRanks = deviceRanks
        self.nicNodes = nicNodes
    }
}
