/// What a vertex of the cluster graph is.
public enum NodeKind: String, Sendable, Codable, CaseIterable {
    /// An accelerator (GPU or TPU chip) with a compute stream and communication streams.
    case device
    /// A host CPU socket (PCIe root complex) with CPU cores.
    case host
    /// A PCIe switch between a root complex and its devices/NICs.
    case pcieSwitch
    /// A network interface card.
    case nic
    /// A network or NVSwitch fabric switch.
    case networkSwitch
}
