/// The inter-node network technology of a multi-node cluster.
public enum FabricKind: String, Sendable, Codable, CaseIterable {
    /// InfiniBand EDR (100 Gb/s).
    case edr
    /// InfiniBand HDR (200 Gb/s).
    case hdr
    /// InfiniBand NDR (400 Gb/s).
    case ndr
    /// InfiniBand XDR (800 Gb/s).
    case xdr
    /// 400 Gigabit Ethernet with RoCE (Spectrum-X).
    case roce400
    /// 800 Gigabit Ethernet with RoCE (Spectrum-X).
    case roce800
    /// 100 Gigabit Ethernet.
    case ethernet100g
    /// 25 Gigabit Ethernet.
    case ethernet25g

    /// The per-direction NIC/switch-port link of this fabric.
    public var link: LinkSpec {
        switch self {
        case .edr: LinkCatalog.infinibandEDR
        case .hdr: LinkCatalog.infinibandHDR
        case .ndr: LinkCatalog.infinibandNDR
        case .xdr: LinkCatalog.infinibandXDR
        case .roce400: LinkCatalog.roce400
        case .roce800: LinkCatalog.roce800
        case .ethernet100g: LinkCatalog.ethernet100G
        case .ethernet25g: LinkCatalog.ethernet25G
        }
    }
}
