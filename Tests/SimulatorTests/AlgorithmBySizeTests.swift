import TestSupport
import Testing
@testable import Simulator

/// The all-reduce algorithm chosen per bucket by size, as NCCL's tuner chooses between tree and ring per call.
@Suite struct AlgorithmBySizeTests {
    /// BigGAN-128 on four DGX H100 over NDR (across two, a tree and a ring are the same exchange), the algorithm and bucket size filled in.
    private static func scenario(devices: Int = 32, algorithm: String?, bucket: String = "25MB") throws -> TrainingScenario {
        let communication = algorithm.map { "{algorithm: \($0), bucket: \(bucket)}" } ?? "{bucket: \(bucket)}"
        return try TrainingScenario(yaml: """
            model: {architecture: biggan, resolution: 128}
            recipe: {batchPerDevice: 16, accumulation: 1, implementation: compiled}
            cluster: {topology: dgx-h100, devices: \(devices), fabric: ndr}
            communication: \(communication)
            simulate: {iterations: 2}
            """, defaultName: "by-size")
    }

    @Test func fastestTimerTakesTheTreeForSmallMessagesAndTheRingForLargeOnes() throws {
        var routes = RouteTable(topology: try Topologies.cluster(server: .dgxH100, servers: 8, fabric: .ndr, serversPerLeaf: 4, oversubscription: 1))
        let tree = try CollectiveTimer(routes: &routes, devices: 64, algorithm: .hierarchicalTree, chunks: 1)
        let ring = try CollectiveTimer(routes: &routes, devices: 64, algorithm: .hierarchical, chunks: 1)
        let fastest = CollectiveTimer.fastest(of: [tree, ring])
        let small = 64.0 * 1024, large = 256.0 * 1024 * 1024
        // Across 8 servers the tree's 3 levels beat the ring's 7 steps on latency; the ring sends fewer bytes per link.
        #expect(tree.seconds(bytes: small) < ring.seconds(bytes: small))
        #expect(ring.seconds(bytes: large) < tree.seconds(bytes: large))
        #expect(fastest.choice(bytes: small) == 0)
        #expect(fastest.choice(bytes: large) == 1)
        #expect(fastest.seconds(bytes: small) == tree.seconds(bytes: small))
        #expect(fastest.seconds(bytes: large) == ring.seconds(bytes: large))
        #expect(CollectiveTimer.fastest(of: [ring]) === ring)
        #expect(ring.choice(bytes: small) == 0)
    }

    @Test func autoChoosesBySizeAcrossServersOnly() throws {
        let across = try Self.scenario(algorithm: nil).plan
        #expect(across.algorithm == .hierarchicalTree)
        #expect(across.alternativeAlgorithm == .hierarchical)
        #expect(across.algorithms == [.hierarchicalTree, .hierarchical])
        #expect(try Self.scenario(algorithm: "auto").plan.algorithms == [.hierarchicalTree, .hierarchical])
        let inOneServer = try Self.scenario(devices: 8, algorithm: nil).plan
        #expect(inOneServer.algorithms == [.ring])
        let named = try Self.scenario(algorithm: "hierarchical-tree").plan
        #expect(named.algorithms == [.hierarchicalTree])
    }

    /// With one bucket size for every bucket, the choice runs every bucket on one algorithm: the tree for 256 KiB buckets,
    /// the ring for 512 MB ones (BigGAN-128's whole G or D in one bucket), in both engines.
    @Test(arguments: [("256KiB", "hierarchical-tree"), ("512MB", "hierarchical")])
    func eachBucketRunsTheFasterAlgorithm(bucket: String, expected: String) throws {
        let auto = try Self.scenario(algorithm: nil, bucket: bucket)
        let named = try Self.scenario(algorithm: expected, bucket: bucket)
        let other = try Self.scenario(algorithm: expected == "hierarchical" ? "hierarchical-tree" : "hierarchical", bucket: bucket)
        let autoEstimate = try auto.estimate(cache: ScenarioCache()), namedEstimate = try named.estimate(cache: ScenarioCache())
        let otherEstimate = try other.estimate(cache: ScenarioCache())
        #expect(autoEstimate.breakdown.exposedCommunicationSeconds == namedEstimate.breakdown.exposedCommunicationSeconds)
        #expect(otherEstimate.breakdown.exposedCommunicationSeconds > namedEstimate.breakdown.exposedCommunicationSeconds)
        let autoEvent = try auto.simulate(), namedEvent = try named.simulate()
        #expect(isClose(autoEvent.iterationSeconds, namedEvent.iterationSeconds, relative: 1e-12))
        #expect(isClose(autoEvent.breakdown.exposedCommunicationSeconds, namedEvent.breakdown.exposedCommunicationSeconds,
                        relative: 1e-12))
        #expect(autoEvent.algorithmDescription == "hierarchical-tree or hierarchical by bucket size")
        #expect(namedEvent.algorithmDescription == expected)
    }

    /// One stream of buckets of both sizes: the event engine runs the small one on the tree's runner and the large one
    /// on the ring's, each taking what that algorithm alone takes.
    @Test func theEventEngineSwitchesRunnersBetweenBuckets() throws {
        let topology = try Topologies.cluster(server: .dgxH100, servers: 4, fabric: .ndr, serversPerLeaf: 4, oversubscription: 1)
        func durations(_ algorithms: [CollectiveAlgorithm]) throws -> [Double] {
            let groups = try [algorithms.map { try ReductionGroup.firstRanks(topology: topology, devices: 32, algorithm: $0) }]
            let engine = try EventCommunicationEngine(topology: topology, groups: groups, chunks: 1)
            for bytes in [2.0 * 1024 * 1024, 128.0 * 1024 * 1024] {
                try engine.enqueueReduction(group: 0, readySeconds: 0, bytes: bytes)
            }
            return engine.finishReductions(group: 0).map { $0.endSeconds - $0.startSeconds }
        }
        let both = try durations([.hierarchicalTree, .hierarchical])
        let tree = try durations([.hierarchicalTree]), ring = try durations([.hierarchical])
        #expect(tree[0] < ring[0] && ring[1] < tree[1])
        #expect(isClose(both[0], tree[0], relative: 1e-9))
        #expect(isClose(both[1], ring[1], relative: 1e-9))
    }
}
