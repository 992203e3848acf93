import Simulator
import Workload

/// A kind of cluster the planner can rent: a device in a server or pod type, with the inter-server fabrics it comes with.
public struct ClusterFamily: Sendable, Hashable, Codable {
    /// Short label, e.g. `a100-80gb in dgx-a100`.
    public var label: String
    /// Device catalog name.
    public var device: String
    /// Topology kind (`dgx-a100`, `pcie8`, `tpu-v3`, ...).
    public var topology: TopologyKind
    /// Inter-server fabrics to try beyond one server (empty for TPU pods, whose torus is built in).
    public var fabrics: [FabricKind]
    /// Devices in one server (larger counts must be whole servers); nil for TPU pods.
    public var devicesPerServer: Int?
    /// The mixed precision the device runs besides fp32.
    public var mixedPrecision: Precision

    public init(device: String, topology: TopologyKind, fabrics: [FabricKind], devicesPerServer: Int?, mixedPrecision: Precision) {
        self.label = "\(device) in \(topology.rawValue)"
        self.device = device
        self.topology = topology
        self.fabrics = fabrics
        self.devicesPerServer = devicesPerServer
        self.mixedPrecision = mixedPrecision
    }

    /// The clusters the planner searches by default: each GPU in its server (V100 and A100 in a DGX and a plain PCIe
    /// server, H100 to GB200 in their NVIDIA boards, the PCIe GPUs in PCIe servers, MI300X in its 8-GPU platform) on
    /// the networks it is rented with, and TPU v3 to v6e pods; mixed precision is bf16 but on the V100 (fp16).
    public static let standard: [ClusterFamily] = [
        ClusterFamily(device: "v100-32gb", topology: .dgx1, fabrics: [.edr, .ethernet100g], devicesPerServer: 8, mixedPrecision: .fp16),
        ClusterFamily(device: "v100-32gb", topology: .pcie8, fabrics: [.ethernet25g, .ethernet100g], devicesPerServer: 8, mixedPrecision: .fp16),
        ClusterFamily(device: "a100-80gb", topology: .dgxA100, fabrics: [.hdr, .ethernet100g], devicesPerServer: 8, mixedPrecision: .bf16),
        ClusterFamily(device: "a100-80gb", topology: .pcie8, fabrics: [.ethernet100g], devicesPerServer: 8, mixedPrecision: .bf16),
        ClusterFamily(device: "h100", topology: .dgxH100, fabrics: [.ndr, .ethernet100g], devicesPerServer: 8, mixedPrecision: .bf16),
        ClusterFamily(device: "tpu-v3", topology: .tpuV3, fabrics: [], devicesPerServer: nil, mixedPrecision: .bf16),
        ClusterFamily(device: "tpu-v4", topology: .tpuV4, fabrics: [], devicesPerServer: nil, mixedPrecision: .bf16),
    ] + rented2026

    /// The clusters of issue 21 ("Clusters of 2026"), searched after the older ones.
    static let rented2026: [ClusterFamily] = [
        ClusterFamily(device: "h200", topology: .hgxH200, fabrics: [.ndr, .roce400], devicesPerServer: 8, mixedPrecision: .bf16),
        ClusterFamily(device: "b200", topology: .hgxB200, fabrics: [.ndr, .xdr, .roce400], devicesPerServer: 8, mixedPrecision: .bf16),
        ClusterFamily(device: "gb200", topology: .gb200NVL72, fabrics: [.ndr], devicesPerServer: 72, mixedPrecision: .bf16),
        ClusterFamily(device: "h100-pcie", topology: .pcie8Gen5, fabrics: [.roce400, .ethernet100g], devicesPerServer: 8, mixedPrecision: .bf16),
    ] + ["l40s", "l4", "a10g", "rtx-4090"].map {
        ClusterFamily(device: $0, topology: .pcie8Gen4, fabrics: [.ethernet100g, .ethernet25g], devicesPerServer: 8, mixedPrecision: .bf16)
    } + [
        ClusterFamily(device: "mi300x", topology: .mi300x8, fabrics: [.roce400], devicesPerServer: 8, mixedPrecision: .bf16),
    ] + [TopologyKind.tpuV5e, .tpuV5p, .tpuV6e].map {
        ClusterFamily(device: $0.rawValue, topology: $0, fabrics: [], devicesPerServer: nil, mixedPrecision: .bf16)
    }
}
