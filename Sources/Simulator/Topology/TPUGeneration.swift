/// A Google TPU generation, for building torus slices.
public enum TPUGeneration: String, Sendable, Codable, CaseIterable {
    /// TPU v2: 2-D torus (up to 16x16).
    case v2 = "tpu-v2"
    /// TPU v3: 2-D torus (up to 32x32).
    case v3 = "tpu-v3"
    /// TPU v4: 3-D torus.
    case v4 = "tpu-v4"
    /// TPU v5e: 2-D torus, 256-chip pods.
    case v5e = "tpu-v5e"
    /// TPU v5p: 3-D torus, slices up to 16x16x24.
    case v5p = "tpu-v5p"
    /// TPU v6e (Trillium): 2-D torus, 256-chip pods.
    case v6e = "tpu-v6e"

    /// Number of torus dimensions. Source for v5e/v5p/v6e: ../shared/hardware/devices.md TPU slices table [2][3][4].
    public var torusRank: Int {
        switch self {
        case .v4, .v5p: 3
        case .v2, .v3, .v5e, .v6e: 2
        }
    }

    /// The most chips in one slice, where devices.md gives it: a v5e or v6e pod of 256 chips [2][4], the largest v5p
    /// slice of 16x16x24 = 6,144 chips [3]; nil for v2 to v4, which only the device limit bounds.
    public var maximumChips: Int? {
        switch self {
        case .v2, .v3, .v4: nil
        case .v5e, .v6e: 256
        case .v5p: 6144
        }
    }

    /// The ICI link of this generation.
    public var iciLink: LinkSpec {
        switch self {
        case .v2: LinkCatalog.iciV2
        case .v3: LinkCatalog.iciV3
        case .v4: LinkCatalog.iciV4
        case .v5e: LinkCatalog.iciV5e
        case .v5p: LinkCatalog.iciV5p
        case .v6e: LinkCatalog.iciV6e
        }
    }

    /// The host-to-chip link: PCIe 3.0 x16 for v2/v3, PCIe 4.0 x16 for v4 to v6e (all assumed; Google publishes no
    /// figure, and devices.md has none for v5e, v5p or v6e).
    public var hostLink: LinkSpec { self == .v2 || self == .v3 ? LinkCatalog.pcie3x16 : LinkCatalog.pcie4x16 }

    /// Chips per host: 4 for v2 to v4 (Google Cloud TPU system architecture documentation: v2-8/v3-8/v4-8 hosts) and
    /// v5p; 8 for v5e and v6e (../shared/hardware/devices.md TPU slices table [2][3][4]).
    public var chipsPerHost: Int {
        switch self {
        case .v2, .v3, .v4, .v5p: 4
        case .v5e, .v6e: 8
        }
    }

    /// Host vCPUs: 96 for v2/v3, 240 for v4 (Google Cloud TPU VM documentation, TPU VM machine shapes). Assumed for
    /// v5e 224, v5p 208, v6e 180: a recollection of the Cloud TPU VM machine shapes, unverified (not in devices.md).
    public var hostCores: Int {
        switch self {
        case .v2, .v3: 96
        case .v4: 240
        case .v5e: 224
        case .v5p: 208
        case .v6e: 180
        }
    }

    /// Where the slice's figures come from, for listings (numbers in brackets cite ../shared/hardware/devices.md).
    public var basis: String {
        switch self {
        case .v2, .v3: "Jouppi et al. CACM 2020; Cloud TPU docs; host link assumed"
        case .v4: "Jouppi et al. ISCA 2023; Cloud TPU docs; host link assumed"
        case .v5e: "[2] (P); host vCPUs and link assumed"
        case .v5p: "[3] (P); host vCPUs and link assumed"
        case .v6e: "[4] (P); host vCPUs and link assumed"
        }
    }

    /// The CostModel device-catalog name of the chip.
    public var deviceName: String { rawValue }
}
