import Foundation
import TestSupport
import Testing
@testable import Simulator
import InputParsing

@Suite struct CollectiveTests {
    private let link = LinkSpec(kind: .generic, bandwidthBytesPerSecond: 25e9, latencySeconds: 2e-6)

    @Test(arguments: [2, 3, 8, 64])
    func ringAllReduceMatchesTheClosedForm(devices: Int) throws {
        let bytes = 64.0 * 1_048_576
        let result = try CollectiveSimulation.run(
            operation: .allreduce, algorithm: .ring, topology: Topologies.ring(devices: devices, link: link),
            devices: devices, bytes: bytes)
        let n = Double(devices)
        let closedForm = 2 * (n - 1) / n * bytes / link.bandwidthBytesPerSecond + 2 * (n - 1) * link.latencySeconds
        #expect(isClose(result.seconds, closedForm, relative: 1e-9))
        #expect(result.transfers == 2 * (devices - 1) * devices)
        #expect(result.sharedFlows == 0)
    }

    @Test func reduceScatterAndAllGatherTakeHalfARingAllReduce() throws {
        let topology = Topologies.ring(devices: 16, link: link)
        let bytes = 1e8
        let reduceScatter = try CollectiveSimulation.run(operation: .reducescatter, algorithm: .ring, topology: topology, devices: 16, bytes: bytes)
        let allGather = try CollectiveSimulation.run(operation: .allgather, algorithm: .ring, topology: topology, devices: 16, bytes: bytes)
        let closedForm = 15.0 / 16.0 * bytes / link.bandwidthBytesPerSecond + 15 * link.latencySeconds
        #expect(isClose(reduceScatter.seconds, closedForm, relative: 1e-9))
        #expect(isClose(allGather.seconds, closedForm, relative: 1e-9))
    }

    /// Cases where no two flows ever share a link: the event simulation must equal the analytic estimate.
    @Test(arguments: [
        (CollectiveAlgorithm.ring, "ring"), (.tree, "full"), (.ring, "dgx1"), (.hierarchical, "dgx1x1"), (.torus, "torus"),
    ])
    func eventSimulationAgreesWithAnalyticWhenNothingContends(algorithm: CollectiveAlgorithm, topologyName: String) throws {
        let topology: Topology
        switch topologyName {
        case "ring": topology = Topologies.ring(devices: 12, link: link)
        case "full": topology = Topologies.fullyConnected(devices: 8, link: link)
        case "dgx1", "dgx1x1": topology = Topologies.server(.dgx1)
        default: topology = try Topologies.tpu(.v3, dimensions: [4, 4])
        }
        let result = try CollectiveSimulation.run(
            operation: .allreduce, algorithm: algorithm, topology: topology, devices: topology.devices.count, bytes: 32e6)
        #expect(result.maxFlowsOnLink == 1)
        #expect(isClose(result.seconds, result.analyticSeconds, relative: 0.01))
    }

    /// Cases where links are shared: the event simulation is slower than the analytic estimate.
    @Test(arguments: [CollectiveAlgorithm.direct, .parameterServer, .ring])
    func eventSimulationIsSlowerExactlyWhenLinksAreShared(algorithm: CollectiveAlgorithm) throws {
        // On a switch, ring flows use distinct links; direct and parameter-server flows share device links.
        let topology = Topologies.switched(devices: 8, link: link)
        let result = try CollectiveSimulation.run(operation: .allreduce, algorithm: algorithm, topology: topology, devices: 8, bytes: 32e6)
        if result.maxFlowsOnLink > 1 {
            #expect(result.seconds > result.analyticSeconds * 1.5)
        } else {
            #expect(isClose(result.seconds, result.analyticSeconds, relative: 1e-9))
        }
        #expect((result.maxFlowsOnLink > 1) == (algorithm != .ring))
    }

    @Test func parameterServerIsBoundByTheServersLink() throws {
        let topology = Topologies.switched(devices: 5, link: link)
        let bytes = 1e8
        let result = try CollectiveSimulation.run(operation: .allreduce, algorithm: .parameterServer, topology: topology, devices: 5, bytes: bytes)
        // 4 workers push 100 MB each through the server's single inbound link, then it sends 4 x 100 MB out.
        let bandwidthBound = 2 * 4 * bytes / link.bandwidthBytesPerSecond
        #expect(result.seconds >= bandwidthBound)
        #expect(result.seconds < bandwidthBound * 1.01)
    }

    @Test func hierarchicalBeatsAFlatRingAcrossSlowInterNodeLinks() throws {
        let topology = try Topologies.cluster(server: .dgx1, servers: 4, fabric: .ethernet25g, serversPerLeaf: 4, oversubscription: 1)
        let bytes = 256e6
        let flat = try CollectiveSimulation.run(operation: .allreduce, algorithm: .ring, topology: topology, devices: 32, bytes: bytes)
        let hierarchical = try CollectiveSimulation.run(operation: .allreduce, algorithm: .hierarchical, topology: topology, devices: 32, bytes: bytes)
        #expect(hierarchical.seconds < flat.seconds / 2)
        // The flat ring pushes 2(N-1)/N * S through one slow NIC link per machine boundary.
        let slow = FabricKind.ethernet25g.link.bandwidthBytesPerSecond
        #expect(flat.seconds > 2 * 31 / 32 * bytes / slow)
    }

    @Test func fatTreeOversubscriptionSlowsCrossRackAllReduceByItsRatio() throws {
        // 8 servers, 4 per leaf, EDR NICs; one GPU per server takes part.
        func seconds(ratio: Double, servers: [Int]) throws -> Double {
            let topology = try Topologies.cluster(server: .pcie8, servers: 8, fabric: .edr, serversPerLeaf: 4, oversubscription: ratio)
            return try CollectiveSimulation.run(
                operation: .allreduce, algorithm: .ring, topology: topology, devices: 8, bytes: 512e6,
                participants: servers.map { $0 * 8 }).seconds
        }
        // Alternating racks: every hop crosses the spine, 4 flows per uplink direction. At 1:1 the
        // uplink carries 4 NIC widths (NIC-bound); at 4:1 one NIC width split 4 ways.
        let crossRack = [0, 4, 1, 5, 2, 6, 3, 7]
        let slowdown = try seconds(ratio: 4, servers: crossRack) / seconds(ratio: 1, servers: crossRack)
        #expect(slowdown > 3.9 && slowdown < 4.01)
        // Rack-local order: one flow per uplink direction, which 4:1 still carries at NIC speed.
        let rackLocal = Array(0..<8)
        let localSlowdown = try seconds(ratio: 4, servers: rackLocal) / seconds(ratio: 1, servers: rackLocal)
        #expect(isClose(localSlowdown, 1, absolute: 1e-9))
    }

    @Test func sameInputsGiveByteIdenticalJSON() throws {
        let topology = try Topologies.cluster(server: .dgxA100, servers: 2, fabric: .hdr, serversPerLeaf: 1, oversubscription: 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(CollectiveSimulation.run(operation: .allreduce, algorithm: .direct, topology: topology, devices: 16, bytes: 1e7))
        let second = try encoder.encode(CollectiveSimulation.run(operation: .allreduce, algorithm: .direct, topology: topology, devices: 16, bytes: 1e7))
        #expect(first == second)
    }

    @Test func chunkingPipelinesATree() throws {
        let topology = Topologies.fullyConnected(devices: 16, link: link)
        let one = try CollectiveSimulation.run(operation: .allreduce, algorithm: .tree, topology: topology, devices: 16, bytes: 1e8, chunks: 1)
        let many = try CollectiveSimulation.run(operation: .allreduce, algorithm: .tree, topology: topology, devices: 16, bytes: 1e8, chunks: 16)
        #expect(many.seconds < one.seconds / 2)
    }

    @Test func badRequestsAreConfigurationErrors() {
        let topology = Topologies.ring(devices: 4, link: link)
        #expect(throws: ConfigurationError.self) {
            try CollectiveSimulation.run(operation: .allgather, algorithm: .tree, topology: topology, devices: 4, bytes: 1)
        }
        #expect(throws: ConfigurationError.self) {
            try CollectiveSimulation.run(operation: .allreduce, algorithm: .ring, topology: topology, devices: 5, bytes: 1)
        }
        #expect(throws: ConfigurationError.self) {
            try CollectiveSimulation.run(operation: .allreduce, algorithm: .torus, topology: topology, devices: 4, bytes: 1)
        }
        #expect(throws: ConfigurationError.self) {
            try CollectiveSimulation.run(operation: .allreduce, algorithm: .ring, topology: topology, devices: 4, bytes: -1)
        }
    }
}
