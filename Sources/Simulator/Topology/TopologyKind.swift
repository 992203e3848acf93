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
    /// PCIe-only 8-GPU servers.
    case pcie8
    /// A TPU v2 slice (2-D torus).
    case tpuV2 = "tpu-v2"
    /// A TPU v3 slice (2-D torus).
    case tpuV3 = "tpu-v3"
    /// A TPU v4 slice (3-D torus).
    case tpuV4 = "tpu-v4"

    /// The server building block, for the server-based kinds.
    public var server: ServerPreset? { ServerPreset(rawValue: rawValue) }

    /// The TPU generation, for the TPU kinds.
    public var tpu: TPUGeneration? { TPUGeneration(rawValue: rawValue) }

    /// Whether the kind is built from a user-given bandwidth and latency.
    public var isParametric: Bool { server == nil && tpu == nil }
}
