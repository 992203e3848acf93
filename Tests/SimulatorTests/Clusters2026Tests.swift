import CostModel
import Testing
@testable import Simulator
import InputParsing

/// The 2026 servers, fabrics and TPU slices, and host power from each server's system power.
@Suite struct Clusters2026Tests {
    @Test(arguments: [
        (ServerPreset.dgx1, 137.5), (.dgxA100, 412.5), (.dgxH100, 575), (.hgxH200, 575), (.hgxB200, 787.5),
        (.gb200NVL72, 466.75), (.dgx2, 325), (.pcie8, 137.5), (.pcie8Gen4, 137.5), (.pcie8Gen5, 137.5), (.mi300x8, 575),
    ])
    func hostWattsAreTheServersPowerLessItsGPUs(preset: ServerPreset, watts: Double) {
        #expect(preset.hostWattsPerGPU == watts)
        #expect(Topologies.server(preset).machines.allSatisfy { $0.hostWattsPerDevice == watts })
    }

    @Test func infrastructureCountsEachMachinesShareAndTheAssumedFigureElsewhere() throws {
        let cluster = try TopologySpec(kind: .dgxH100, devices: 16, fabric: .ndr).build()
        #expect(EnergyModel.infrastructureWatts(topology: cluster, devices: 12, power: PowerSpec()).hostWatts == 12 * 575)
        let ring = Topologies.ring(devices: 4, link: LinkCatalog.nvlink2)
        #expect(EnergyModel.infrastructureWatts(topology: ring, devices: 4, power: PowerSpec()).hostWatts == 4 * 100)
        let tpu = try TopologySpec(kind: .tpuV5e, devices: 16).build()
        #expect(EnergyModel.infrastructureWatts(topology: tpu, devices: 16, power: PowerSpec()).hostWatts == 16 * 100)
        var given = PowerSpec()
        given.hostWattsPerDevice = 50
        #expect(EnergyModel.infrastructureWatts(topology: cluster, devices: 16, power: given).hostWatts == 16 * 50)
    }

    @Test func presetsNameTheirDevicesHostsAndNetworks() {
        #expect(ServerPreset.hgxH200.deviceName == "h200" && ServerPreset.hgxH200.hostCPU == .xeonPlatinum8480C)
        #expect(ServerPreset.hgxB200.deviceName == "b200" && ServerPreset.hgxB200.hostCPU == .xeonPlatinum8570)
        #expect(ServerPreset.gb200NVL72.hostCPU == .grace && ServerPreset.gb200NVL72.cpuCores == 2592)
        #expect(ServerPreset.pcie8Gen4.deviceName == "l40s" && ServerPreset.pcie8Gen5.deviceName == "h100-pcie")
        #expect(ServerPreset.pcie8Gen5.defaultFabric == .roce400 && ServerPreset.mi300x8.defaultFabric == .roce400)
        #expect(HostCPU.xeonPlatinum8570.boostClockGHz == 4.0 && HostCPU.grace.boostClockGHz == 3.44)
        for preset in ServerPreset.allCases {
            #expect((try? DeviceCatalog.profile(named: preset.deviceName)) != nil, "\(preset)")
            #expect(TopologyKind(rawValue: preset.rawValue)?.server == preset)
            #expect(!preset.basis.isEmpty && !preset.gpuLinkSummary.isEmpty)
        }
    }

    @Test func anNVL72RackIsOneMachineOf72GPUsOnOneNVLinkSwitch() throws {
        let rack = Topologies.server(.gb200NVL72)
        #expect(rack.devices.count == 72 && rack.machines.count == 1)
        #expect(rack.machines[0].hostNodes.count == 36 && rack.machines[0].nicNodes.count == 72)
        let nvswitch = rack.nodes.firstIndex { $0.name == "node0/nvswitch" }!
        let toSwitch = rack.links.filter { $0.to == nvswitch }
        #expect(toSwitch.count == 72 && toSwitch.allSatisfy { $0.spec.bandwidthBytesPerSecond == 900e9 })
        var routes = RouteTable(topology: rack)
        let route = try routes.route(from: rack.devices[0], to: rack.devices[71])
        #expect(routes.bottleneckBytesPerSecond[Int(route)] == 900e9)
        let two = try TopologySpec(kind: .gb200NVL72, devices: 144).build()
        #expect(two.machines.count == 2)
        #expect(throws: ConfigurationError.self) { try TopologySpec(kind: .gb200NVL72, devices: 100).build() }
    }

    @Test func mi300xGPUsAreFullyConnectedBySevenInfinityFabricLinks() {
        let server = Topologies.server(.mi300x8)
        for device in server.devices {
            let peers = server.links.filter { $0.from == device && $0.spec.kind == .infinityFabric }
            #expect(peers.count == 7 && peers.allSatisfy { $0.spec.bandwidthBytesPerSecond == 64e9 })
        }
        #expect(server.machines[0].nicNodes.count == 8)
    }

    @Test func newFabricsAndLinksCarryTheirSourcedRates() {
        #expect(FabricKind.xdr.link.bandwidthBytesPerSecond == 100e9)
        #expect(FabricKind.roce400.link.bandwidthBytesPerSecond == 50e9)
        #expect(FabricKind.roce800.link.bandwidthBytesPerSecond == 100e9)
        #expect(FabricKind.xdr.link.latencySeconds == LinkCatalog.infinibandNDR.latencySeconds)
        #expect(FabricKind.roce400.link.latencySeconds == LinkCatalog.ethernet100G.latencySeconds)
        for link in [LinkCatalog.nvlink5Switch, LinkCatalog.infinityFabricMI300X, FabricKind.xdr.link, FabricKind.roce400.link] {
            #expect(link.regimes?.count == 3)
        }
        #expect(TPUGeneration.v5e.iciLink.bandwidthBytesPerSecond == 100e9)
        #expect(TPUGeneration.v5p.iciLink.bandwidthBytesPerSecond == 200e9)
        #expect(TPUGeneration.v6e.iciLink.bandwidthBytesPerSecond == 200e9)
    }

    @Test func newTPUSlicesHaveTheirTorusHostsAndLargestSlice() throws {
        let v5e = try TopologySpec(kind: .tpuV5e, devices: 256).build()
        #expect(v5e.torusDimensions == [16, 16] && v5e.machines.count == 32 && v5e.machines[0].cpuCores == 224)
        let v5p = try TopologySpec(kind: .tpuV5p, devices: 64).build()
        #expect(v5p.torusDimensions == [4, 4, 4] && v5p.machines.count == 16)
        let v6e = try TopologySpec(kind: .tpuV6e, devices: 64).build()
        #expect(v6e.torusDimensions.count == 2 && v6e.machines[0].deviceRanks.count == 8)
        do {
            _ = try TopologySpec(kind: .tpuV5e, devices: 512).build()
            Issue.record("a 512-chip v5e slice was built")
        } catch let error as ConfigurationError {
            #expect(error.field == "devices" && error.value == "512")
        }
        #expect(throws: ConfigurationError.self) { try TopologySpec(kind: .tpuV5p, devices: 8192).build() }
        #expect(throws: ConfigurationError.self) { try TopologySpec(kind: .tpuV6e, devices: 8, torusDimensions: [2, 2, 2]).build() }
    }
}
