/// NCCL's three protocols as its tuner prices a ring step on each class of link, so that catalog links carry
/// collectives with the latency and bandwidth NCCL itself expects at each message size.
///
/// Latencies per message and link class are NCCL's `hwLat` table for the ring algorithm (NVIDIA NCCL,
/// `src/graph/tuning.cc`, v2.12 to v2.19: NVLink LL 0.6 µs, LL128 1.9 µs, Simple 3.4 µs; PCIe 1.0, 2.5, 5.7 µs;
/// network 2.7, 4.0, 14.0 µs). Data per byte sent follows the protocols' encodings (NCCL `src/include/device.h`;
/// Hu et al., "Demystifying NCCL", arXiv 2507.04786, 2025, §4): LL stores 4 data bytes with a 4-byte flag in every
/// 8-byte word (0.5), LL128 keeps 120 data bytes of every 128-byte line (`NCCL_LL128_DATAELEMS` 15 of 16 words),
/// Simple sends whole buffers behind a fence (1.0). NCCL picks per collective the protocol its model predicts
/// fastest; here each message gets the protocol that is fastest for its size (`TransportProtocol.regimes`).
/// Not modelled: the tuner's per-collective base latency (`baseLat`) and its per-channel bandwidth caps.
public enum NCCLProtocols {
    /// LL's data per byte sent.
    static let llEfficiency = 0.5
    /// LL128's data per byte sent.
    static let ll128Efficiency = 120.0 / 128.0

    /// Over NVLink and NVSwitch.
    public static let nvlink = protocols(ll: 0.6e-6, ll128: 1.9e-6, simple: 3.4e-6)
    /// Over PCIe.
    public static let pcie = protocols(ll: 1.0e-6, ll128: 2.5e-6, simple: 5.7e-6)
    /// Over the network (InfiniBand, RoCE Ethernet).
    public static let network = protocols(ll: 2.7e-6, ll128: 4.0e-6, simple: 14.0e-6)

    private static func protocols(ll: Double, ll128: Double, simple: Double) -> [TransportProtocol] {
        [TransportProtocol(name: "LL", latencySeconds: ll, efficiency: llEfficiency),
         TransportProtocol(name: "LL128", latencySeconds: ll128, efficiency: ll128Efficiency),
         TransportProtocol(name: "Simple", latencySeconds: simple, efficiency: 1)]
    }
}
