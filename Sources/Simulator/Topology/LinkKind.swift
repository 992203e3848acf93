/// The technology of a link, for reporting and for choosing published figures.
public enum LinkKind: String, Sendable, Codable, CaseIterable {
    /// NVIDIA NVLink between two GPUs.
    case nvlink
    /// NVLink between a GPU and an NVSwitch.
    case nvswitch
    /// AMD Infinity Fabric between two GPUs (MI300X).
    case infinityFabric
    /// PCI Express.
    case pcie
    /// CPU socket interconnect (Intel QPI/UPI, AMD Infinity Fabric).
    case cpuInterconnect
    /// InfiniBand.
    case infiniband
    /// Ethernet.
    case ethernet
    /// TPU inter-chip interconnect.
    case ici
    /// A link described only by its bandwidth and latency.
    case generic
}
