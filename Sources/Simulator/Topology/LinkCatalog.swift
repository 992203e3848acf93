/// Published (or, where marked, assumed) per-direction link figures used by the topology builders.
///
/// Bandwidths are per direction, in bytes per second (1 GB/s = 1e9 B/s). Latencies are
/// one-way per hop, in seconds; where no vendor publishes a hop latency we use the base
/// latencies of NCCL's tuning model (`src/graph/tuning.cc`, `hwLat`, LL protocol:
/// NVLink 0.6 µs, PCIe 1.0 µs), which is what NCCL itself assumes. GPU links (NVLink, NVSwitch, PCIe, InfiniBand,
/// Ethernet) carry NCCL's protocols (`NCCLProtocols`): a message pays the latency of the protocol NCCL would pick for
/// its size beyond the hop's, and LL and LL128 send their bytes at 50% and 94% of the link's bandwidth.
public enum LinkCatalog {
    /// One NVLink 2.0 link (V100): 25 GB/s per direction.
    /// Source: NVIDIA Tesla V100 GPU Architecture whitepaper (2017): six links, 300 GB/s total bidirectional.
    public static let nvlink2 = LinkSpec(kind: .nvlink, bandwidthBytesPerSecond: 25e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)
    /// A V100 to an NVSwitch on DGX-2: six NVLink 2.0 links, 150 GB/s per direction.
    /// Source: NVIDIA DGX-2 datasheet / NVSwitch technical overview (2018).
    public static let dgx2GPUToSwitch = LinkSpec(kind: .nvswitch, bandwidthBytesPerSecond: 150e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)
    /// The DGX-2 trunk between its two baseboards: 48 NVLinks, 1.2 TB/s per direction (2.4 TB/s bisection).
    /// Source: NVIDIA NVSwitch technical overview (2018), "2.4 TB/s bisection bandwidth".
    public static let dgx2BaseboardTrunk = LinkSpec(kind: .nvswitch, bandwidthBytesPerSecond: 1200e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)
    /// An A100 to the NVSwitch fabric: twelve NVLink 3.0 links, 300 GB/s per direction.
    /// Source: NVIDIA A100 Tensor Core GPU Architecture whitepaper (2020): 600 GB/s total.
    public static let nvlink3Switch = LinkSpec(kind: .nvswitch, bandwidthBytesPerSecond: 300e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)
    /// An H100 to the NVSwitch fabric: eighteen NVLink 4.0 links, 450 GB/s per direction.
    /// Source: NVIDIA H100 Tensor Core GPU Architecture whitepaper (2022): 900 GB/s total.
    public static let nvlink4Switch = LinkSpec(kind: .nvswitch, bandwidthBytesPerSecond: 450e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)
    /// A B200 or GB200 to the NVSwitch fabric: NVLink 5, 1.8 TB/s per GPU in total, 900 GB/s per direction.
    /// Source: ../shared/hardware/devices.md servers table, DGX B200 user guide [1] (P) and Vultr's HGX B200 overview
    /// [46] (S): 14.4 TB/s per 8-GPU node = 1.8 TB/s per GPU; the GB200 NVL72 uses the same NVLink 5 per GPU.
    /// Hop latency: NCCL's NVLink figure, as for the other NVSwitch generations.
    public static let nvlink5Switch = LinkSpec(kind: .nvswitch, bandwidthBytesPerSecond: 900e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)
    /// One MI300X Infinity Fabric peer link: 128 GB/s, which [43] calls bidirectional, so 64 GB/s per direction; each
    /// MI300X has 7, one to each other GPU of its 8 (fully connected).
    /// Source: ../shared/hardware/devices.md servers table, MI300X platform [14][43] (S). Latency and protocols:
    /// assumed NVLink's (RCCL is a port of NCCL with the same LL/LL128/Simple protocols; its tuning figures for
    /// Infinity Fabric are not in devices.md).
    public static let infinityFabricMI300X = LinkSpec(kind: .infinityFabric, bandwidthBytesPerSecond: 64e9, latencySeconds: 0.6e-6)
        .carrying(NCCLProtocols.nvlink)

    /// PCIe 3.0 x16: 8 GT/s per lane, 128b/130b encoding, 15.75 GB/s per direction. Source: PCI-SIG PCIe 3.0 base spec.
    public static let pcie3x16 = LinkSpec(kind: .pcie, bandwidthBytesPerSecond: 15.75e9, latencySeconds: 1.0e-6)
        .carrying(NCCLProtocols.pcie)
    /// PCIe 4.0 x16: 16 GT/s per lane, 31.5 GB/s per direction. Source: PCI-SIG PCIe 4.0 base spec.
    public static let pcie4x16 = LinkSpec(kind: .pcie, bandwidthBytesPerSecond: 31.5e9, latencySeconds: 1.0e-6)
        .carrying(NCCLProtocols.pcie)
    /// PCIe 5.0 x16: 32 GT/s per lane, 63 GB/s per direction. Source: PCI-SIG PCIe 5.0 base spec.
    public static let pcie5x16 = LinkSpec(kind: .pcie, bandwidthBytesPerSecond: 63e9, latencySeconds: 1.0e-6)
        .carrying(NCCLProtocols.pcie)

    /// Two QPI links at 9.6 GT/s (19.2 GB/s per direction each) between DGX-1's Xeon E5-2698 v4 sockets.
    /// Source: Intel Xeon E5-2600 v4 product family datasheet (QPI 9.6 GT/s, 2 links).
    public static let qpiDual = LinkSpec(kind: .cpuInterconnect, bandwidthBytesPerSecond: 38.4e9, latencySeconds: 0.1e-6)
    /// Three UPI links at 10.4 GT/s (20.8 GB/s per direction each) between Xeon Scalable sockets (DGX-2, PCIe servers).
    /// Source: Intel Xeon Scalable (Skylake-SP) platform brief: up to 3 UPI links at 10.4 GT/s.
    public static let upiTriple = LinkSpec(kind: .cpuInterconnect, bandwidthBytesPerSecond: 62.4e9, latencySeconds: 0.1e-6)
    /// Four xGMI (Infinity Fabric) links, x16 at 16 GT/s (32 GB/s per direction each), between DGX A100's EPYC 7742 sockets.
    /// Source: AMD EPYC 7002 series architecture overview (2P systems use up to 4 xGMI links).
    public static let xgmiQuad = LinkSpec(kind: .cpuInterconnect, bandwidthBytesPerSecond: 128e9, latencySeconds: 0.1e-6)
    /// Four UPI 2.0 links at 16 GT/s (32 GB/s per direction each) between DGX H100's Xeon Platinum 8480C sockets.
    /// Source: Intel 4th Gen Xeon Scalable (Sapphire Rapids) product brief: up to 4 UPI 2.0 links at 16 GT/s.
    public static let upi2Quad = LinkSpec(kind: .cpuInterconnect, bandwidthBytesPerSecond: 128e9, latencySeconds: 0.1e-6)

    /// InfiniBand EDR 4x: 100 Gb/s = 12.5 GB/s per direction, 90 ns switch port-to-port.
    /// Sources: InfiniBand Trade Association roadmap (EDR 100 Gb/s); Mellanox Switch-IB 2 product brief (90 ns).
    public static let infinibandEDR = LinkSpec(kind: .infiniband, bandwidthBytesPerSecond: 12.5e9, latencySeconds: 90e-9)
        .carrying(NCCLProtocols.network)
    /// InfiniBand HDR 4x: 200 Gb/s = 25 GB/s per direction, 130 ns switch port-to-port.
    /// Sources: IBTA roadmap (HDR 200 Gb/s); Mellanox Quantum HDR switch product brief (130 ns).
    public static let infinibandHDR = LinkSpec(kind: .infiniband, bandwidthBytesPerSecond: 25e9, latencySeconds: 130e-9)
        .carrying(NCCLProtocols.network)
    /// InfiniBand NDR 4x: 400 Gb/s = 50 GB/s per direction; hop latency assumed equal to HDR's 130 ns.
    /// Source: IBTA roadmap (NDR 400 Gb/s); NVIDIA Quantum-2 brief gives no port-to-port figure, so HDR's is reused.
    public static let infinibandNDR = LinkSpec(kind: .infiniband, bandwidthBytesPerSecond: 50e9, latencySeconds: 130e-9)
        .carrying(NCCLProtocols.network)
    /// InfiniBand XDR (ConnectX-8): 800 Gb/s = 100 GB/s per direction; hop latency assumed equal to NDR's 130 ns.
    /// Source: ../shared/hardware/devices.md fabrics table, ConnectX-8 firmware release notes [26] (P).
    public static let infinibandXDR = LinkSpec(kind: .infiniband, bandwidthBytesPerSecond: 100e9, latencySeconds: 130e-9)
        .carrying(NCCLProtocols.network)
    /// 400 Gigabit Ethernet with RoCE (Spectrum-X, 400 Gb/s per GPU in HGX H100/H200/B200 designs): 50 GB/s per
    /// direction; 1 µs per hop assumed, as for 100 GbE.
    /// Source: ../shared/hardware/devices.md fabrics table, NVIDIA HGX AI Factory reference architecture [27] (P).
    public static let roce400 = LinkSpec(kind: .ethernet, bandwidthBytesPerSecond: 50e9, latencySeconds: 1e-6)
        .carrying(NCCLProtocols.network)
    /// 800 Gigabit Ethernet with RoCE (Spectrum-X, 800 Gb/s per GPU for B300): 100 GB/s per direction; 1 µs per hop
    /// assumed, as for 100 GbE.
    /// Source: ../shared/hardware/devices.md fabrics table, NVIDIA HGX AI Factory reference architecture (B300) [28] (P).
    public static let roce800 = LinkSpec(kind: .ethernet, bandwidthBytesPerSecond: 100e9, latencySeconds: 1e-6)
        .carrying(NCCLProtocols.network)
    /// 100 Gigabit Ethernet: 12.5 GB/s per direction; 1 µs per hop assumed (switch plus RoCE stack).
    /// Source: IEEE 802.3ba/bm (100 Gb/s); the latency is an assumption, not a vendor figure.
    public static let ethernet100G = LinkSpec(kind: .ethernet, bandwidthBytesPerSecond: 12.5e9, latencySeconds: 1e-6)
        .carrying(NCCLProtocols.network)
    /// 25 Gigabit Ethernet: 3.125 GB/s per direction; 1 µs per hop assumed.
    /// Source: IEEE 802.3by (25 Gb/s); the latency is an assumption, not a vendor figure.
    public static let ethernet25G = LinkSpec(kind: .ethernet, bandwidthBytesPerSecond: 3.125e9, latencySeconds: 1e-6)
        .carrying(NCCLProtocols.network)

    /// TPU v2 inter-chip interconnect link: 496 Gb/s = 62 GB/s; 1 µs per hop assumed.
    /// Source: Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural Networks", CACM 2020, Table 3.
    public static let iciV2 = LinkSpec(kind: .ici, bandwidthBytesPerSecond: 62e9, latencySeconds: 1e-6)
    /// TPU v3 inter-chip interconnect link: 656 Gb/s = 82 GB/s; 1 µs per hop assumed.
    /// Source: Jouppi et al., CACM 2020, Table 3.
    public static let iciV3 = LinkSpec(kind: .ici, bandwidthBytesPerSecond: 82e9, latencySeconds: 1e-6)
    /// TPU v4 inter-chip interconnect link: 50 GB/s (six links per chip); 1 µs per hop assumed.
    /// Source: Jouppi et al., "TPU v4: An Optically Reconfigurable Supercomputer...", ISCA 2023 (ICI 6 x 50 GB/s).
    public static let iciV4 = LinkSpec(kind: .ici, bandwidthBytesPerSecond: 50e9, latencySeconds: 1e-6)
    /// TPU v5e inter-chip interconnect link: 400 GB/s of ICI per chip over the 4 links of a 2-D torus = 100 GB/s, taken
    /// as the per-direction bandwidth as for v4 (Google does not say whether its per-chip figure counts both
    /// directions); 1 µs per hop assumed.
    /// Source: ../shared/hardware/devices.md TPU slices table, Cloud TPU v5e doc [2] (P).
    public static let iciV5e = LinkSpec(kind: .ici, bandwidthBytesPerSecond: 400e9 / 4, latencySeconds: 1e-6)
    /// TPU v5p inter-chip interconnect link: 1,200 GB/s per chip over the 6 links of a 3-D torus = 200 GB/s, per
    /// direction as for v4; 1 µs per hop assumed.
    /// Source: ../shared/hardware/devices.md TPU slices table, Cloud TPU v5p doc [3] (P).
    public static let iciV5p = LinkSpec(kind: .ici, bandwidthBytesPerSecond: 1200e9 / 6, latencySeconds: 1e-6)
    /// TPU v6e inter-chip interconnect link: 800 GB/s per chip over the 4 links of a 2-D torus = 200 GB/s, per
    /// direction as for v4; 1 µs per hop assumed.
    /// Source: ../shared/hardware/devices.md TPU slices table, Cloud TPU v6e doc [4] (P).
    public static let iciV6e = LinkSpec(kind: .ici, bandwidthBytesPerSecond: 800e9 / 4, latencySeconds: 1e-6)
}
