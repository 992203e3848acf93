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
    /// NVIDIA HGX H200: the DGX H100's board with 8 H200, 8 NDR NICs.
    case hgxH200 = "hgx-h200"
    /// NVIDIA HGX B200: 8 B200 on NVSwitch (NVLink 5), 8 NDR NICs (ConnectX-7 400G).
    case hgxB200 = "hgx-b200"
    /// NVIDIA GB200 NVL72: one rack of 72 GPUs in one NVLink 5 switch domain, modelled as one machine of 18 trays
    /// (2 Grace CPUs and 4 GPUs each), one NDR NIC per GPU.
    case gb200NVL72 = "gb200-nvl72"
    /// A PCIe-only server: 8 GPUs behind four PCIe 3.0 switches on two CPU sockets, one 100 GbE NIC.
    case pcie8 = "pcie8"
    /// The PCIe-only server with PCIe 4.0 links, for L40S, L4, A10G and RTX 4090 (all of it assumed).
    case pcie8Gen4 = "pcie8-gen4"
    /// The PCIe-only server with PCIe 5.0 links and a 400 GbE RoCE NIC, for H100 PCIe (all of it assumed).
    case pcie8Gen5 = "pcie8-gen5"
    /// 8 AMD MI300X fully connected by Infinity Fabric peer links, a PCIe 5.0 tree, a 400G NIC per GPU.
    case mi300x8 = "mi300x-8"

    /// GPUs in one server (for the NVL72, the rack).
    public var gpusPerServer: Int {
        switch self {
        case .dgx2: 16
        case .gb200NVL72: 72
        default: 8
        }
    }

    /// The network the vendor ships the server with (assumed for the PCIe servers and the MI300X platform).
    ///
    /// The HGX B200 and the NVL72 have ConnectX-7 400G NICs (devices.md servers and fabrics tables, [1][27]), run as
    /// NDR; the H100 PCIe server's 400 GbE RoCE and the MI300X platform's 400G NICs (`roce400`) are assumed.
    public var defaultFabric: FabricKind {
        switch self {
        case .dgx1, .dgx2: .edr
        case .dgxA100: .hdr
        case .dgxH100, .hgxH200, .hgxB200, .gb200NVL72: .ndr
        case .pcie8, .pcie8Gen4: .ethernet100g
        case .pcie8Gen5, .mi300x8: .roce400
        }
    }

    /// CPU cores in the server (both sockets; for the NVL72, its 36 Grace CPUs).
    ///
    /// Sources: DGX-1 datasheet (2x Xeon E5-2698 v4, 20 cores each); DGX-2 datasheet
    /// (2x Xeon Platinum 8168, 24 cores each); DGX A100 datasheet (2x EPYC 7742, 64 cores
    /// each); DGX H100 datasheet (2x Xeon Platinum 8480C, 56 cores each), which
    /// ../shared/hardware/devices.md gives for the HGX H200 too [31]; HGX B200: 2x Xeon Platinum 8570, 56 cores each
    /// (devices.md [1], P); GB200 NVL72: 18 trays of 2 Grace CPUs of 72 cores = 2,592 (devices.md [12][13][25], P).
    /// Assumed: the PCIe servers have 2x 16 cores; the MI300X platform's host ("varies" in devices.md) 2x 64 cores,
    /// a DGX A100-class two-socket EPYC.
    public var cpuCores: Int {
        switch self {
        case .dgx1: 40
        case .dgx2: 48
        case .dgxA100: 128
        case .dgxH100, .hgxH200, .hgxB200: 112
        case .gb200NVL72: 18 * 2 * 72
        case .pcie8, .pcie8Gen4, .pcie8Gen5: 32
        case .mi300x8: 128
        }
    }

    /// The host CPU that issues the GPUs' kernels (`HostCPU`, with its sources); the PCIe servers' and the MI300X
    /// platform's are assumed generic (devices.md: "varies").
    public var hostCPU: HostCPU {
        switch self {
        case .dgx1: .xeonE5_2698v4
        case .dgx2: .xeonPlatinum8168
        case .dgxA100: .epyc7742
        case .dgxH100, .hgxH200: .xeonPlatinum8480C
        case .hgxB200: .xeonPlatinum8570
        case .gb200NVL72: .grace
        case .pcie8, .pcie8Gen4, .pcie8Gen5, .mi300x8: .genericServer
        }
    }

    /// The GPU the server carries, as a CostModel device-catalog name.
    public var deviceName: String {
        switch self {
        case .dgx1, .dgx2: "v100-32gb"
        case .dgxA100: "a100-80gb"
        case .dgxH100: "h100"
        case .hgxH200: "h200"
        case .hgxB200: "b200"
        case .gb200NVL72: "gb200"
        case .pcie8: "v100-32gb"
        case .pcie8Gen4: "l40s"
        case .pcie8Gen5: "h100-pcie"
        case .mi300x8: "mi300x"
        }
    }

    /// Assumed: the non-GPU draw of a two-socket PCIe server (CPUs, memory, fans, NIC), 1,100 W: the DGX-1's
    /// 3.5 kW less its 8 V100 (300 W each). devices.md finds no system power for PCIe servers.
    static let assumedPCIeHostWatts = 3500.0 - 8 * 300

    /// The whole server's maximum power in watts (GPUs, CPUs, memory, fans, NICs, in-server fabric).
    ///
    /// Sources (../shared/hardware/devices.md servers table): DGX-1 3.5 kW ([29], U); DGX A100 6.5 kW ([30], S);
    /// DGX H100 / HGX H200 ~10.2 kW ([44], S); DGX/HGX B200 14.3 kW ([1], P); GB200 NVL72 6,667 W per compute tray
    /// ([13], P) x 18 trays = 120 kW, which matches [45]'s ~120 kW (the rack's NVSwitch trays are not counted). DGX-2:
    /// 10 kW, the DGX-2 datasheet's maximum (not in devices.md: an unverified recollection). Assumed: the PCIe servers
    /// draw their GPUs' TDP plus `assumedPCIeHostWatts`; the MI300X platform ("not found" in devices.md) its GPUs' TDP
    /// plus the DGX H100's non-GPU draw (10.2 kW − 8 × 700 W = 4.6 kW), the same class of two-socket host with 8
    /// 400G NICs.
    public var systemWatts: Double {
        switch self {
        case .dgx1: 3500
        case .dgx2: 10_000
        case .dgxA100: 6500
        case .dgxH100, .hgxH200: 10_200
        case .hgxB200: 14_300
        case .gb200NVL72: 18 * 6667
        case .pcie8: 8 * 300 + Self.assumedPCIeHostWatts
        case .pcie8Gen4, .pcie8Gen5: 8 * 350 + Self.assumedPCIeHostWatts
        case .mi300x8: 8 * 750 + (10_200 - 8 * 700)
        }
    }

    /// Host power per GPU in watts: the server's power less its GPUs' TDP, over its GPUs. It uses the TDP of the GPU
    /// the server is built for (`deviceName`), so the host's share stays the server's when a scenario puts another
    /// device in it.
    public var hostWattsPerGPU: Double {
        let tdp = (try? DeviceCatalog.profile(named: deviceName).busyWatts) ?? 0
        return (systemWatts - Double(gpusPerServer) * tdp) / Double(gpusPerServer)
    }

    /// How the GPUs reach each other inside the server, for listings.
    public var gpuLinkSummary: String {
        switch self {
        case .dgx1: "NVLink 2 hybrid cube-mesh"
        case .dgx2: "NVSwitch (NVLink 2), two baseboards"
        case .dgxA100: "NVSwitch (NVLink 3)"
        case .dgxH100, .hgxH200: "NVSwitch (NVLink 4)"
        case .hgxB200: "NVSwitch (NVLink 5)"
        case .gb200NVL72: "NVLink 5 switch domain of 72"
        case .pcie8: "PCIe 3.0 switches"
        case .pcie8Gen4: "PCIe 4.0 switches"
        case .pcie8Gen5: "PCIe 5.0 switches"
        case .mi300x8: "Infinity Fabric full mesh"
        }
    }

    /// Where the server's figures come from, for listings (numbers in brackets cite ../shared/hardware/devices.md).
    public var basis: String {
        switch self {
        case .dgx1: "DGX-1 datasheet and whitepaper; power [29] (U)"
        case .dgx2: "DGX-2 datasheet; power unverified recollection"
        case .dgxA100: "DGX A100 datasheet; CPU and power [30] (S)"
        case .dgxH100: "DGX H100 datasheet; [31][32], power [44] (S)"
        case .hgxH200: "as DGX H100 with H200: [10][31][32], power [44] (S)"
        case .hgxB200: "[1][11][46], power [1] (P)"
        case .gb200NVL72: "[12][13][24][25]; NIC per GPU and C2C link assumed"
        case .pcie8: "assumed"
        case .pcie8Gen4: "assumed (devices.md: PCIe only, power not found)"
        case .pcie8Gen5: "assumed (devices.md: PCIe only, power not found)"
        case .mi300x8: "links [14][43] (S); host, NICs and power assumed"
        }
    }
}
