/// A kind of cluster the planner can rent: a device in a server or pod type, with the inter-server fabrics it comes with.
public struct ClusterFamily: Sendable, Hashable, Codable {
    /// Short label, e.g. `a100-80gb in dgx-a100`.
    public var label: String
    /// Device catalog name.
    public var device: String
    /// Topology kind (`dgx-a100`, `pcie8`, `tpu-v3`, ...).
    public var topology: String
    /// Inter-server fabrics to try beyond one server (empty for TPU pods, whose torus is built in).
    public var fabrics: [String]
    /// Devices in one server (larger counts must be whole servers); nil for TPU pods.
    public var devicesPerServer: Int?
    /// The mixed precision the device runs besides fp32.
    public var mixedPrecision: String

    public init(device: String, topology: String, fabrics: [String], devicesPerServer: Int?, mixedPrecision: String) {
        self.label = "\(device) in \(topology)"
        self.device = device
        self.topology = topology
        self.fabrics = fabrics
        self.devicesPerServer = devicesPerServer
        self.mixedPrecision = mixedPrecision
    }

    /// The clusters the planner searches by default: each GPU in its DGX server and in a
    /// plain PCIe server, on its native InfiniBand and on 100 GbE, and TPU v3/v4 pods.
    public static let standard: [ClusterFamily] = [
        ClusterFamily(device: "v100-32gb", topology: "dgx1-v100", fabrics: ["edr", "ethernet100g"], devicesPerServer: 8, mixedPrecision: "fp16"),
        ClusterFamily(device: "v100-32gb", topology: "pcie8", fabrics: ["ethernet25g", "ethernet100g"], devicesPerServer: 8, mixedPrecision: "fp16"),
        ClusterFamily(device: "a100-80gb", topology: "dgx-a100", fabrics: ["hdr", "ethernet100g"], devicesPerServer: 8, mixedPrecision: "bf16"),
        ClusterFamily(device: "a100-80gb", topology: "pcie8", fabrics: ["ethernet100g"], devicesPerServer: 8, mixedPrecision: "bf16"),
        ClusterFamily(device: "h100", topology: "dgx-h100", fabrics: ["ndr", "ethernet100g"], devicesPerServer: 8, mixedPrecision: "bf16"),
        ClusterFamily(device: "tpu-v3", topology: "tpu-v3", fabrics: [], devicesPerServer: nil, mixedPrecision: "bf16"),
        ClusterFamily(device: "tpu-v4", topology: "tpu-v4", fabrics: [], devicesPerServer: nil, mixedPrecision: "bf16"),
    ]
}
