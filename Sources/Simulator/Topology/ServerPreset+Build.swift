extension ServerPreset {
    /// Appends one server to `topology` as machine `machine`; returns its NIC vertices.
    ///
    /// The GPUDirect path from a GPU to its NIC (through a shared PCIe switch) is modelled
    /// as a direct PCIe link, so that each GPU uses its own NIC ("rail") when one exists.
    @discardableResult
    func append(to topology: inout Topology, machine: Int) -> [Int] {
        let prefix = "node\(machine)"
        let firstRank = topology.devices.count
        // Two sockets; the NVL72's 36 Grace CPUs, two per compute tray.
        let hosts = (0..<(self == .gb200NVL72 ? 36 : 2)).map { topology.addNode(.host, name: "\(prefix)/cpu\($0)", machine: machine) }
        let cpu0 = hosts[0], cpu1 = hosts[1]
        var gpus: [Int] = []
        for g in 0..<gpusPerServer {
            gpus.append(topology.addNode(.device, name: "\(prefix)/gpu\(g)", machine: machine))
        }
        var nics: [Int] = []
        func pcieTree(switches: Int, link: LinkSpec, socketLink: LinkSpec, nicPerGPU: Bool) {
            topology.connect(cpu0, cpu1, socketLink)
            let gpusPerSwitch = gpusPerServer / switches
            for s in 0..<switches {
                let sw = topology.addNode(.pcieSwitch, name: "\(prefix)/pcie\(s)", machine: machine)
                topology.connect(s < switches / 2 ? cpu0 : cpu1, sw, link)
                for g in (s * gpusPerSwitch)..<((s + 1) * gpusPerSwitch) {
                    topology.connect(sw, gpus[g], link)
                    if nicPerGPU {
                        let nic = topology.addNode(.nic, name: "\(prefix)/nic\(nics.count)", machine: machine)
                        topology.connect(gpus[g], nic, link)
                        nics.append(nic)
                    }
                }
                if !nicPerGPU {
                    let nic = topology.addNode(.nic, name: "\(prefix)/nic\(nics.count)", machine: machine)
                    topology.connect(sw, nic, link)
                    nics.append(nic)
                }
            }
        }
        /// Eight GPUs behind four PCIe switches, each with its own NIC, and one switch all GPUs link to (NVSwitch).
        func switchedServer(pcie: LinkSpec, socket: LinkSpec, gpuLink: LinkSpec) {
            pcieTree(switches: 4, link: pcie, socketLink: socket, nicPerGPU: true)
            let fabricSwitch = topology.addNode(.networkSwitch, name: "\(prefix)/nvswitch", machine: machine)
            for g in gpus { topology.connect(g, fabricSwitch, gpuLink) }
        }
        /// Eight GPUs behind four PCIe switches (two per socket), one NIC on the first socket.
        func pcieOnlyServer(_ link: LinkSpec) {
            topology.connect(cpu0, cpu1, LinkCatalog.upiTriple)
            for s in 0..<4 {
                let sw = topology.addNode(.pcieSwitch, name: "\(prefix)/pcie\(s)", machine: machine)
                topology.connect(s < 2 ? cpu0 : cpu1, sw, link)
                for g in (2 * s)..<(2 * s + 2) { topology.connect(sw, gpus[g], link) }
            }
            let nic = topology.addNode(.nic, name: "\(prefix)/nic0", machine: machine)
            topology.connect(cpu0, nic, link)
            nics.append(nic)
        }
        switch self {
        case .dgx1:
            pcieTree(switches: 4, link: LinkCatalog.pcie3x16, socketLink: LinkCatalog.qpiDual, nicPerGPU: false)
            // NVLink 2.0 hybrid cube-mesh, lanes per GPU pair as `nvidia-smi topo -m` reports
            // on DGX-1V (NV1/NV2); each V100 has six links. Source: NVIDIA DGX-1 with Tesla
            // V100 system architecture whitepaper (2017), Figure 4.
            let lanes: [(Int, Int, Int)] = [
                (0, 1, 1), (0, 2, 1), (0, 3, 2), (0, 4, 2),
                (1, 2, 2), (1, 3, 1), (1, 5, 2),
                (2, 3, 2), (2, 6, 1),
                (3, 7, 1),
                (4, 5, 1), (4, 6, 1), (4, 7, 2),
                (5, 6, 2), (5, 7, 1),
                (6, 7, 2),
            ]
            for (a, b, n) in lanes { topology.connect(gpus[a], gpus[b], LinkCatalog.nvlink2.bonded(n)) }
            // The NCCL ring over the double links: 0-3-2-1-5-6-7-4-0.
            setRingOrder(&topology, firstRank: firstRank, local: [0, 3, 2, 1, 5, 6, 7, 4])
        case .dgx2:
            pcieTree(switches: 8, link: LinkCatalog.pcie3x16, socketLink: LinkCatalog.upiTriple, nicPerGPU: false)
            let boardA = topology.addNode(.networkSwitch, name: "\(prefix)/nvswitch-a", machine: machine)
            let boardB = topology.addNode(.networkSwitch, name: "\(prefix)/nvswitch-b", machine: machine)
            topology.connect(boardA, boardB, LinkCatalog.dgx2BaseboardTrunk)
            for g in 0..<16 { topology.connect(gpus[g], g < 8 ? boardA : boardB, LinkCatalog.dgx2GPUToSwitch) }
        case .dgxA100:
            switchedServer(pcie: LinkCatalog.pcie4x16, socket: LinkCatalog.xgmiQuad, gpuLink: LinkCatalog.nvlink3Switch)
        case .dgxH100, .hgxH200:
            switchedServer(pcie: LinkCatalog.pcie5x16, socket: LinkCatalog.upi2Quad, gpuLink: LinkCatalog.nvlink4Switch)
        case .hgxB200:
            // The Xeon 8570's socket link is taken as the 8480C's four UPI 2.0 links (assumed: devices.md has no figure).
            switchedServer(pcie: LinkCatalog.pcie5x16, socket: LinkCatalog.upi2Quad, gpuLink: LinkCatalog.nvlink5Switch)
        case .gb200NVL72:
            // Each Grace serves two GPUs of its tray. Its NVLink-C2C link is not in devices.md: assumed PCIe 5.0 x16's
            // figure (a floor). One NIC per GPU (4 per tray) is assumed, the GPUDirect path modelled as a direct PCIe 5.0
            // link as in the DGX servers. The rack's NVSwitch trays are one non-blocking switch.
            let fabricSwitch = topology.addNode(.networkSwitch, name: "\(prefix)/nvswitch", machine: machine)
            for (g, gpu) in gpus.enumerated() {
                topology.connect(hosts[g / 2], gpu, LinkCatalog.pcie5x16)
                let nic = topology.addNode(.nic, name: "\(prefix)/nic\(nics.count)", machine: machine)
                topology.connect(gpu, nic, LinkCatalog.pcie5x16)
                nics.append(nic)
                topology.connect(gpu, fabricSwitch, LinkCatalog.nvlink5Switch)
            }
        case .mi300x8:
            // The host's socket link is assumed (a two-socket EPYC, the DGX A100's xGMI figure).
            pcieTree(switches: 4, link: LinkCatalog.pcie5x16, socketLink: LinkCatalog.xgmiQuad, nicPerGPU: true)
            for a in 0..<gpus.count {
                for b in (a + 1)..<gpus.count { topology.connect(gpus[a], gpus[b], LinkCatalog.infinityFabricMI300X) }
            }
        case .pcie8:
            pcieOnlyServer(LinkCatalog.pcie3x16)
        case .pcie8Gen4:
            pcieOnlyServer(LinkCatalog.pcie4x16)
        case .pcie8Gen5:
            pcieOnlyServer(LinkCatalog.pcie5x16)
        }
        topology.machines.append(Machine(
            hostNodes: hosts, cpuCores: cpuCores,
            deviceRanks: Array(firstRank..<(firstRank + gpusPerServer)), nicNodes: nics, hostWattsPerDevice: hostWattsPerGPU))
        return nics
    }

    private func setRingOrder(_ topology: inout Topology, firstRank: Int, local: [Int]) {
        for (offset, localRank) in local.enumerated() {
            topology.ringOrder[firstRank + offset] = firstRank + localRank
        }
    }
}
