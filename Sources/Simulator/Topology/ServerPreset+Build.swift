extension ServerPreset {
    /// Appends one server to `topology` as machine `machine`; returns its NIC vertices.
    ///
    /// The GPUDirect path from a GPU to its NIC (through a shared PCIe switch) is modelled
    /// as a direct PCIe link, so that each GPU uses its own NIC ("rail") when one exists.
    @discardableResult
    func append(to topology: inout Topology, machine: Int) -> [Int] {
        let prefix = "node\(machine)"
        let firstRank = topology.devices.count
        let cpu0 = topology.addNode(.host, name: "\(prefix)/cpu0", machine: machine)
        let cpu1 = topology.addNode(.host, name: "\(prefix)/cpu1", machine: machine)
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
        case .dgxA100, .dgxH100:
            let isA100 = self == .dgxA100
            pcieTree(
                switches: 4, link: isA100 ? LinkCatalog.pcie4x16 : LinkCatalog.pcie5x16,
                socketLink: isA100 ? LinkCatalog.xgmiQuad : LinkCatalog.upi2Quad, nicPerGPU: true)
            let fabricSwitch = topology.addNode(.networkSwitch, name: "\(prefix)/nvswitch", machine: machine)
            for g in gpus { topology.connect(g, fabricSwitch, isA100 ? LinkCatalog.nvlink3Switch : LinkCatalog.nvlink4Switch) }
        case .pcie8:
            topology.connect(cpu0, cpu1, LinkCatalog.upiTriple)
            for s in 0..<4 {
                let sw = topology.addNode(.pcieSwitch, name: "\(prefix)/pcie\(s)", machine: machine)
                topology.connect(s < 2 ? cpu0 : cpu1, sw, LinkCatalog.pcie3x16)
                for g in (2 * s)..<(2 * s + 2) { topology.connect(sw, gpus[g], LinkCatalog.pcie3x16) }
            }
            let nic = topology.addNode(.nic, name: "\(prefix)/nic0", machine: machine)
            topology.connect(cpu0, nic, LinkCatalog.pcie3x16)
            nics.append(nic)
        }
        topology.machines.append(Machine(
            hostNodes: [cpu0, cpu1], cpuCores: cpuCores,
            deviceRanks: Array(firstRank..<(firstRank + gpusPerServer)), nicNodes: nics))
        return nics
    }

    private func setRingOrder(_ topology: inout Topology, firstRank: Int, local: [Int]) {
        for (offset, localRank) in local.enumerated() {
            topology.ringOrder[firstRank + offset] = firstRank + localRank
        }
    }
}
