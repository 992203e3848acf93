import Testing
@testable import Simulator
import InputParsing

@Suite struct TopologyTests {
    private func nvlinkLanes(_ topology: Topology, from node: Int) -> Double {
        topology.links.filter { $0.from == node && $0.spec.kind == .nvlink }
            .reduce(0) { $0 + $1.spec.bandwidthBytesPerSecond } / LinkCatalog.nvlink2.bandwidthBytesPerSecond
    }

    @Test func dgx1HasSixNVLinksPerGPUAndARingOverDoubleLinks() throws {
        let topology = Topologies.server(.dgx1)
        #expect(topology.devices.count == 8)
        for device in topology.devices { #expect(nvlinkLanes(topology, from: device) == 6) }
        let order = topology.ringOrder
        for index in order.indices {
            let a = topology.devices[order[index]]
            let b = topology.devices[order[(index + 1) % order.count]]
            let direct = topology.links.first { $0.from == a && $0.to == b }
            #expect(direct?.spec.bandwidthBytesPerSecond == 50e9)
        }
        #expect(topology.machines.first?.nicNodes.count == 4)
        try topology.validate()
    }

    @Test(arguments: ServerPreset.allCases)
    func everyServerIsConnectedAndNamesItsDevices(preset: ServerPreset) throws {
        let topology = Topologies.server(preset)
        #expect(topology.devices.count == preset.gpusPerServer)
        var routes = RouteTable(topology: topology)
        for a in topology.devices { for b in topology.devices where a != b { _ = try routes.route(from: a, to: b) } }
        #expect(topology.machines.count == 1)
        #expect(topology.machines[0].cpuCores == preset.cpuCores)
    }

    @Test func pcieServerRoutesCrossTheRootComplexBetweenSwitches() throws {
        let topology = Topologies.server(.pcie8)
        var routes = RouteTable(topology: topology)
        let sameSwitch = try routes.route(from: topology.devices[0], to: topology.devices[1])
        let otherSocket = try routes.route(from: topology.devices[0], to: topology.devices[7])
        #expect(routes.linkRange(of: sameSwitch).count == 2)
        #expect(routes.linkRange(of: otherSocket).count == 5)  // gpu-switch-cpu-cpu-switch-gpu
        #expect(routes.bottleneckBytesPerSecond[Int(otherSocket)] == LinkCatalog.pcie3x16.bandwidthBytesPerSecond)
    }

    @Test func torusGivesEveryChipTwoNeighboursPerDimension() throws {
        let topology = try Topologies.tpu(.v4, dimensions: [4, 4, 4])
        #expect(topology.devices.count == 64)
        for device in topology.devices {
            #expect(topology.links.filter { $0.from == device && $0.spec.kind == .ici }.count == 6)
        }
        // The ring order visits neighbours.
        var routes = RouteTable(topology: topology)
        for index in topology.ringOrder.indices {
            let a = topology.devices[topology.ringOrder[index]]
            let b = topology.devices[topology.ringOrder[(index + 1) % 64]]
            let route = try routes.route(from: a, to: b)
            #expect(routes.linkRange(of: route).count == 1)
        }
        #expect(throws: ConfigurationError.self) { try Topologies.tpu(.v3, dimensions: [4, 4, 4]) }
    }

    @Test func clusterUplinksCarryTheLeafCapacityOverTheOversubscription() throws {
        let topology = try Topologies.cluster(server: .dgxA100, servers: 4, fabric: .hdr, serversPerLeaf: 2, oversubscription: 4)
        #expect(topology.devices.count == 32)
        #expect(topology.machines.count == 4)
        let spine = topology.nodes.firstIndex { $0.name == "spine" }!
        let uplinks = topology.links.filter { $0.to == spine }
        #expect(uplinks.count == 2)
        // 2 servers x 8 HDR NICs x 25 GB/s / 4.
        #expect(uplinks.allSatisfy { $0.spec.bandwidthBytesPerSecond == 2 * 8 * 25e9 / 4 })
        #expect(throws: ConfigurationError.self) {
            try Topologies.cluster(server: .dgx1, servers: 2, fabric: .edr, serversPerLeaf: 1, oversubscription: 0.5)
        }
    }

    @Test func eachGPUReachesTheNetworkThroughItsOwnNIC() throws {
        let topology = try Topologies.cluster(server: .dgxH100, servers: 2, fabric: .ndr, serversPerLeaf: 2, oversubscription: 1)
        var routes = RouteTable(topology: topology)
        var firstHops = Set<Int>()
        for rank in 0..<8 {
            let route = try routes.route(from: topology.devices[rank], to: topology.devices[8 + rank])
            firstHops.insert(topology.links[Int(routes.linkIndices[routes.linkRange(of: route).lowerBound])].to)
        }
        #expect(firstHops.count == 8)
    }

    @Test(arguments: [2, 3, 5, 8, 13, 16, 100])
    func doubleBinaryTreesAreTreesWithComplementaryRoots(n: Int) {
        for parents in [CollectiveScheduleBuilder.binaryTreeParents(n), CollectiveScheduleBuilder.complementaryTreeParents(n)] {
            #expect(parents.filter { $0 < 0 }.count == 1)
            // Every rank reaches the root without cycles, and has at most two children.
            for rank in 0..<n {
                var node = rank
                var steps = 0
                while parents[node] >= 0 && steps <= n { node = parents[node]; steps += 1 }
                #expect(steps <= n)
            }
            for rank in 0..<n { #expect(parents.filter { $0 == rank }.count <= 2) }
        }
        #expect(CollectiveScheduleBuilder.binaryTreeParents(n).firstIndex(of: -1) != CollectiveScheduleBuilder.complementaryTreeParents(n).firstIndex(of: -1))
    }
}
