/// A Google TPU generation, for building torus slices.
public enum TPUGeneration: String, Sendable, Codable, CaseIterable {
    /// TPU v2: 2-D torus (up to 16x16).
    case v2 = "tpu-v2"
    /// TPU v3: 2-D torus (up to 32x32).
    case v3 = "tpu-v3"
    /// TPU v4: 3-D torus.
    case v4 = "tpu-v4"

    /// Number of torus dimensions.
    public var torusRank: Int { self == .v4 ? 3 : 2 }

    /// The ICI link of this generation.
    public var iciLink: LinkSpec {
        switch self {
        case .v2: LinkCatalog.iciV2
        case .v3: LinkCatalog.iciV3
        case .v4: LinkCatalog.iciV4
        }
    }

    /// The host-to-chip link: PCIe 3.0 x16 for v2/v3, PCIe 4.0 x16 for v4 (both assumed; Google publishes no figure).
    public var hostLink: LinkSpec { self == .v4 ? LinkCatalog.pcie4x16 : LinkCatalog.pcie3x16 }

    /// Chips per host: 4. Source: Google Cloud TPU system architecture documentation (v2-8/v3-8/v4-8 hosts).
    public var chipsPerHost: Int { 4 }

    /// Host vCPUs: 96 for v2/v3, 240 for v4. Source: Google Cloud TPU VM documentation (TPU VM machine shapes).
    public var hostCores: Int { self == .v4 ? 240 : 96 }

    /// The CostModel device-catalog name of the chip.
    public var deviceName: String { rawValue }
}
