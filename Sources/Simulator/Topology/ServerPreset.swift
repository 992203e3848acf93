import CostModel
/// A single-server building block of a cluster: its GPUs, PCIe tree, CPUs, NICs and GPU fabric.
public enum ServerPreset: String, Sendable, Codable, CaseIterable {
    /// NVIDIA DGX-1 with 8 V100 in a hybrid cube-mesh of NVLink 2.0, 4 EDR NICs.
    case dgx1 = "dgx1-v100"
    /// NVIDIA DGX-2: 16 V100 on two NVSwitch baseboards, 8 EDR NICs.
    case dgx2 = "dgx2-v100"
    /// NVIDIA DGX A100: 8 A100 on NVSwitch (NVLink 3.0), 8 HDR NICs.
    case dgxA100 = "dgx-a100"
    /// NVIDIA DGX H100: 8 H100 on NVSwitch (NVLink 4.0), 8 NDR NICs.
    case dgxH100 = "dgx-h100"
    /// A PCIe-only server: 8 GPUs behind four PCIe 3.0 switches on two CPU sockets, one 100 GbE NIC.
    case pcie8 = "pcie8"

    /// GPUs in one server.
    public var gpusPerServer: Int { self == .dgx2 ? 16 : 8 }

    /// The network the vendor ships the server with.
    public var defaultFabric: FabricKind {
        switch self {
        case .dgx1, .dgx2: .edr
        case .dgxA100: .hdr
        case .dgxH100: .ndr
        case .pcie8: .ethernet100g
        }
    }

    /// CPU cores in the server (both sockets).
    ///
    /// Sources: DGX-1 datasheet (2x Xeon E5-2698 v4, 20 cores each); DGX-2 datasheet
    /// (2x Xeon Platinum 8168, 24 cores each); DGX A100 datasheet (2x EPYC 7742, 64 cores
    /// each); DGX H100 datasheet (2x Xeon Platinum 8480C, 56 cores each); the PCIe server
    /// is assumed to have 2x 16 cores.
    public var cpuCores: Int {
        switch self {
        case .dgx1: 40
        case .dgx2: 48
        case .dgxA100: 128
        case .dgxH100: 112
        case .pcie8: 32
        }
    }

    /// The host CPU that issues the GPUs' kernels (`HostCPU`, with its sources); the PCIe server's is assumed.
    public var hostCPU: HostCPU {
        switch self {
        case .dgx1: .xeonE5_2698v4
        case .dgx2: .xeonPlatinum8168
        case .dgxA100: .epyc7742
        case .dgxH100: .xeonPlatinum8480C
        case .pcie8: .genericServer
        }
    }

    /// The GPU the server carries, as a CostModel device-catalog name.
    public var deviceName: String {
        switch self {
        case .dgx1, .dgx2: "v100-32gb"
        case .dgxA100: "a100-80gb"
        case .dgxH100: "h100"
        case .pcie8: "v100-32gb"
        }
    }
}
