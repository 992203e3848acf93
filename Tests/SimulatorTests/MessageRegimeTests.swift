import TestSupport
import Testing
@testable import Simulator
import InputParsing

/// Links whose transport changes with the message size: the protocol envelope, a lone flow in each regime, the two
/// communication engines on a catalog fabric, and the input checks.
@Suite struct MessageRegimeTests {
    /// Two regimes on a 100 B/s link with 0.25 s hops: messages under 50 B pay 1 s more at full bandwidth, larger ones
    /// 0.5 s more at half of it.
    private static let twoRegimes = [
        MessageRegime(name: "small", fromBytes: 0, overheadSeconds: 1, efficiency: 1),
        MessageRegime(name: "large", fromBytes: 50, overheadSeconds: 0.5, efficiency: 0.5),
    ]

    /// Devices 0-1-2 in a line; the second link has `regimes`.
    private func line(regimes: [MessageRegime]?) -> Topology {
        var topology = Topology(name: "line")
        for rank in 0..<3 { topology.addNode(.device, name: "d\(rank)", machine: 0) }
        topology.connect(0, 1, LinkSpec(kind: .generic, bandwidthBytesPerSecond: 100, latencySeconds: 0.25))
        topology.connect(1, 2, LinkSpec(kind: .generic, bandwidthBytesPerSecond: 100, latencySeconds: 0.25, regimes: regimes))
        return topology
    }

    @Test func nvlinkProtocolsFollowTheLowerEnvelope() {
        let bandwidth = 25e9
        let regimes = TransportProtocol.regimes(NCCLProtocols.nvlink, bandwidthBytesPerSecond: bandwidth, hopLatencySeconds: 0.6e-6)
        #expect(regimes.map(\.name) == ["LL", "LL128", "Simple"])
        // Where LL128's line (1.9 µs, 120/128 of the bandwidth) overtakes LL's (0.6 µs, half), and Simple's (3.4 µs, all) LL128's.
        let ll128 = (1.9e-6 - 0.6e-6) / (1 / (0.5 * bandwidth) - 1 / (120.0 / 128 * bandwidth))
        let simple = (3.4e-6 - 1.9e-6) / (1 / (120.0 / 128 * bandwidth) - 1 / bandwidth)
        #expect(regimes[0].fromBytes == 0)
        #expect(isClose(regimes[1].fromBytes, ll128, relative: 1e-12))
        #expect(isClose(regimes[2].fromBytes, simple, relative: 1e-12))
        #expect(isClose(regimes[2].overheadSeconds, 2.8e-6, absolute: 1e-15) && regimes[0].overheadSeconds == 0)
        // A protocol that never wins is left out, and the link's bonded lanes move the crossings with the bandwidth.
        let dominated = TransportProtocol(name: "slow", latencySeconds: 10e-6, efficiency: 0.25)
        #expect(TransportProtocol.regimes(NCCLProtocols.nvlink + [dominated], bandwidthBytesPerSecond: bandwidth,
                                          hopLatencySeconds: 0.6e-6) == regimes)
        let bonded = LinkCatalog.nvlink2.bonded(2)
        #expect(isClose(bonded.regimes![1].fromBytes, 2 * ll128, relative: 1e-12))
    }

    /// (bytes, seconds) of a lone message: two 0.25 s hops, the regime's overhead, the bytes at its share of 100 B/s.
    static let loneMessages: [(Double, Double)] = [(10, 1.6), (40, 1.9), (50, 2), (200, 5)]

    @Test(arguments: loneMessages)
    func aLoneFlowPaysItsRegime(bytes: Double, seconds: Double) throws {
        let probe = FlowProbe(topology: line(regimes: Self.twoRegimes))
        probe.plan(at: 0, from: 0, to: 2, bytes: bytes)
        let times = try probe.run()
        #expect(isClose(times[0], seconds, absolute: 1e-12))
        var routes = RouteTable(topology: line(regimes: Self.twoRegimes))
        let route = Int(try routes.route(from: 0, to: 2))
        let cost = routes.messageCost(route: route, bytes: bytes)
        #expect(isClose(cost.latencySeconds + bytes * cost.secondsPerByte, seconds, absolute: 1e-12))
    }

    @Test func aSlowRegimeTakesItsShareOfAContendedLink() throws {
        // Two 200 B flows over the regime link at once: each sends 400 wire bytes at 50 B/s.
        let probe = FlowProbe(topology: line(regimes: Self.twoRegimes))
        probe.plan(at: 0, from: 0, to: 2, bytes: 200)
        probe.plan(at: 0, from: 1, to: 2, bytes: 200)
        let times = try probe.run()
        #expect(times[1] < times[0])
        #expect(isClose(times[1], 8 + 0.25 + 0.5, absolute: 1e-9))
    }

    @Test func enginesAgreeOnAnNVSwitchFabric() throws {
        // One DGX A100: every ring flow has its own GPU-to-switch links, so nothing contends, and every bucket's
        // chunks pick their NCCL protocol on both engines.
        let yaml = """
            model: {architecture: biggan, resolution: 128}
            recipe: {batchPerDevice: 32, discriminatorSteps: 2, accumulation: 1, implementation: compiled}
            cluster: {topology: dgx-a100, devices: 8}
            training: {iterations: 10000}
            simulate: {iterations: 3}
            """
        for bucket in ["1MB", "25MB"] {
            let scenario = try TrainingScenario(yaml: yaml + "\ncommunication: {bucket: \(bucket)}", defaultName: "regimes")
            let analytic = try scenario.estimate(cache: ScenarioCache())
            let event = try scenario.simulate()
            #expect(isClose(analytic.iterationSeconds, event.iterationSeconds, relative: 1e-9), "\(bucket)")
            #expect(isClose(analytic.breakdown.exposedCommunicationSeconds, event.breakdown.exposedCommunicationSeconds,
                            absolute: 1e-9 * event.iterationSeconds), "\(bucket)")
        }
    }

    @Test func regimesThatDoNotStartAtZeroOrAreOutOfOrderAreRefused() throws {
        for (regimes, field) in [
            ([MessageRegime(name: "a", fromBytes: 8, overheadSeconds: 0, efficiency: 1)], "regimes"),
            (Self.twoRegimes.reversed(), "regimes"),
            ([Self.twoRegimes[0], MessageRegime(name: "b", fromBytes: 50, overheadSeconds: 0, efficiency: 1.5)], "regimes[1].efficiency"),
            ([Self.twoRegimes[0], MessageRegime(name: "b", fromBytes: 50, overheadSeconds: -1, efficiency: 1)], "regimes[1].overheadSeconds"),
        ] {
            #expect { try line(regimes: regimes).validate() } throws: { ($0 as? ConfigurationError)?.field.hasSuffix(field) == true }
        }
    }

    @Test func aCopyToManyDevicesCostsWhatTheRoutesThereCost() throws {
        // The shared table times a one-to-many copy by the routes back to the source (one search): equal to the
        // routes out of it, on two DGX-1s joined by InfiniBand.
        let topology = try TopologySpec(kind: .dgx1, devices: 16).build()
        let shared = SharedRouteTable(topology: topology)
        let bytes = 3e6
        let copy = try shared.copySeconds(topology: topology, from: 3, to: Array(0..<16).filter { $0 != 3 }, bytes: bytes)
        var routes = RouteTable(topology: topology)
        var slowest = 0.0
        for d in 0..<16 where d != 3 {
            let route = Int(try routes.route(from: topology.devices[3], to: topology.devices[d]))
            let cost = routes.messageCost(route: route, bytes: bytes)
            slowest = max(slowest, cost.latencySeconds + bytes * cost.secondsPerByte)
        }
        #expect(isClose(copy, slowest, relative: 1e-12))
    }
}
