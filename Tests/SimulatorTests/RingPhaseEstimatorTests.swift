import Foundation
import TestSupport
import Testing
@testable import Simulator

/// The closed-form timing of ring, hierarchical and torus all-reduces (`RingPhaseEstimator`) against the exact schedule walk.
@Suite struct RingPhaseEstimatorTests {
    private static let link = LinkSpec(kind: .generic, bandwidthBytesPerSecond: 25e9, latencySeconds: 2e-6)

    /// Topologies with uniform rings (ring, switch, NVSwitch servers, tori) and irregular ones
    /// (PCIe trees, multi-leaf fat trees where some ring hops cross the spine).
    static let topologies: [String] = [
        "ring5", "ring12", "switch7", "full6", "torus3x5", "dgx1", "tpu-v3-4x4", "tpu-v4-2x2x4",
        "pcie8x3-leaf1-oversub2", "dgx1x5-leaf2", "dgx-a100x12-leaf4-oversub4", "dgx2x2-eth25g", "pcie8x5-leaf2-eth25g",
    ]

    static func topology(_ name: String) throws -> Topology {
        switch name {
        case "ring5": return Topologies.ring(devices: 5, link: link)
        case "ring12": return Topologies.ring(devices: 12, link: link)
        case "switch7": return Topologies.switched(devices: 7, link: link)
        case "full6": return Topologies.fullyConnected(devices: 6, link: link)
        case "torus3x5": return try Topologies.torus(dimensions: [3, 5], link: link, chipsPerHost: 1, hostLink: link, hostCores: 0, name: "torus")
        case "dgx1": return Topologies.server(.dgx1)
        case "tpu-v3-4x4": return try Topologies.tpu(.v3, dimensions: [4, 4])
        case "tpu-v4-2x2x4": return try Topologies.tpu(.v4, dimensions: [2, 2, 4])
        case "pcie8x3-leaf1-oversub2": return try Topologies.cluster(server: .pcie8, servers: 3, fabric: .edr, serversPerLeaf: 1, oversubscription: 2)
        case "dgx1x5-leaf2": return try Topologies.cluster(server: .dgx1, servers: 5, fabric: .hdr, serversPerLeaf: 2, oversubscription: 1)
        case "dgx-a100x12-leaf4-oversub4": return try Topologies.cluster(server: .dgxA100, servers: 12, fabric: .hdr, serversPerLeaf: 4, oversubscription: 4)
        case "dgx2x2-eth25g": return try Topologies.cluster(server: .dgx2, servers: 2, fabric: .ethernet25g, serversPerLeaf: 1, oversubscription: 1)
        default: return try Topologies.cluster(server: .pcie8, servers: 5, fabric: .ethernet25g, serversPerLeaf: 2, oversubscription: 3)
        }
    }

    /// Same seconds (to 1e-9 relative) or the same error, for every algorithm made of rings,
    /// on every device count from a few to all, 1 and 3 chunks, and message sizes from 0 to 3 GB.
    @Test(arguments: topologies)
    func closedFormEqualsTheScheduleWalk(topologyName: String) throws {
        let topology = try Self.topology(topologyName)
        let total = topology.devices.count
        let counts = Set([2, 3, total / 2, total - 1, total].filter { $0 >= 1 && $0 <= total }).sorted()
        var compared = 0
        for algorithm in [CollectiveAlgorithm.ring, .hierarchical, .torus] {
            for devices in counts {
                for chunks in [1, 3] {
                    var routes = RouteTable(topology: topology)
                    var walkRoutes = RouteTable(topology: topology)
                    let closed = Result { try CollectiveTimer(routes: &routes, devices: devices, algorithm: algorithm, chunks: chunks) }
                    let walk = Result { try CollectiveTimer(routes: &walkRoutes, devices: devices, algorithm: algorithm, chunks: chunks, exactWalk: true) }
                    switch (closed, walk) {
                    case (.success(let closed), .success(let walk)):
                        for bytes in [0, 1, 4096, 25e6, 3e9] {
                            let a = closed.seconds(bytes: bytes), b = walk.seconds(bytes: bytes)
                            #expect(isClose(a, b, relativeToLarger: 1e-9, absolute: 1e-18),
                                    "\(topologyName) \(algorithm.rawValue) \(devices) devices \(chunks) chunks \(bytes) B: \(a) s closed form, \(b) s walk")
                            compared += 1
                        }
                    case (.failure(let closed), .failure(let walk)):
                        #expect("\(closed)" == "\(walk)")
                    default:
                        Issue.record("\(topologyName) \(algorithm.rawValue) \(devices) devices: closed form \(closed), walk \(walk)")
                    }
                }
            }
        }
        #expect(compared > 0)
    }

    /// The closed form on irregular topologies goes through its general path (rings whose hops differ).
    @Test func irregularTopologiesHaveRingsWhoseHopsDiffer() throws {
        let topology = try Self.topology("pcie8x5-leaf2-eth25g")
        let (ranks, groups) = try CollectiveSimulation.participants(topology: topology, devices: 40, algorithm: .hierarchical)
        let plan = try #require(try RingPhasePlan.allreduce(algorithm: .hierarchical, participantCount: 40, chunks: 1, groups: groups))
        #expect(plan.phases.map(\.steps) == [7, 8, 7])
        var routes = RouteTable(topology: topology)
        let estimator = try RingPhaseEstimator(plan: plan, participants: ranks, routes: &routes)
        #expect(estimator.uniformRingCounts == [0, 0, 0])
    }

    /// A 1,024-device flat ring (about 2 M transfers as a schedule) matches 2(N-1)/N·S/B + 2(N-1)·a.
    @Test func largeRingMatchesTheTextbookFormula() throws {
        let n = 1024.0
        let timer = try CollectiveTimer(topology: Topologies.ring(devices: 1024, link: Self.link), devices: 1024, algorithm: .ring, chunks: 1)
        let bytes = 64.0 * 1_048_576
        let formula = 2 * (n - 1) / n * bytes / Self.link.bandwidthBytesPerSecond + 2 * (n - 1) * Self.link.latencySeconds
        #expect(isClose(timer.seconds(bytes: bytes), formula, relative: 1e-9))
    }

    /// Tree-based and all-to-all algorithms have no ring-phase form and keep the schedule walk.
    @Test func nonRingAlgorithmsHaveNoRingPhasePlan() throws {
        for algorithm in [CollectiveAlgorithm.tree, .hierarchicalTree, .direct, .parameterServer] {
            #expect(try RingPhasePlan.allreduce(algorithm: algorithm, participantCount: 8, chunks: 1, groups: [Array(0..<8)]) == nil)
        }
    }
}
