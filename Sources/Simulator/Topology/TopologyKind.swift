/// The topology families a user can name on the command line or in a scenario.
public enum TopologyKind: String, Sendable, Codable, CaseIterable {
    /// A bidirectional ring of identical links (needs bandwidth and latency).
    case ring
    /// A direct link between every pair of devices (needs bandwidth and latency).
    case fullyConnected = "fully-connected"
    /// Every device on one non-blocking switch, NVSwitch-like (needs bandwidth and latency).
    case switched = "switch"
    /// A torus of identical links (needs bandwidth, latency and dimensions).
    case torus
    /// DGX-1 V100 servers (8 GPUs each).
    case dgx1 = "dgx1-v100"
    /// DGX-2 servers (16 V100 each).
    case dgx2 = "dgx2-v100"
    /// DGX A100 servers (8 GPUs each).
    case dgxA100 = "dgx-a100"
    /// DGX H100 servers (8 GPUs each).
    case dgxH100 = "dgx-h100"
    /// HGX H200 servers (8 GPUs each).
    case hgxH200 = "hgx-h200"
    /// HGX B200 servers (8 GPUs each).
    case hgxB200 = "hgx-b200"
    /// GB200 NVL72 racks (72 GPUs in one NVLink domain each).
    case gb200NVL72 = "gb200-nvl72"
    /// PCIe-only 8-GPU servers.
    case pcie8
    /// PCIe 4.0 8-GPU servers (L40S, L4, A10G, RTX 4090).
    case pcie8Gen4 = "pcie8-gen4"
    /// PCIe 5.0 8-GPU servers (H100 PCIe).
    case pcie8Gen5 = "pcie8-gen5"
    /// 8 MI300X on Infinity Fabric.
    case mi300x8 = "mi300x-8"
    /// A TPU v2 slice (2-D torus).
    case tpuV2 = "tpu-v2"
    /// A TPU v3 slice (2-D torus).
    case tpuV3 = "tpu-v3"
    /// A TPU v4 slice (3-D torus).
    case tpuV4 = "tpu-v4"
    /// A TPU v5e slice (2-D torus).
    case tpuV5e = "tpu-v5e"
    /// A TPU v5p slice (3-D torus).
    case tpuV5p = "tpu-v5p"
    /// A TPU v6e (Trillium) slice (2-D torus).
    case tpuV6e = "tpu-v6e"

    /// The server building block, for the server-based kinds.
    public var server: ServerPreset? { ServerPreset(rawValue: rawValue) }

    /// The TPU generation, for the TPU kinds.
    public var tpu: TPUGeneration? { TPUGeneration(rawValue: rawValue) }
}
