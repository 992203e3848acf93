import TestSupport
import Testing
@testable import Simulator

@Suite struct InterconnectTests {
    /// Devices 0-1-2 in a line: link 0-1 and link 1-2 with the given bandwidths.
    private func line(_ first: Double, _ second: Double, latency: Double = 0) -> Topology {
        var topology = Topology(name: "line")
        for rank in 0..<3 { topology.addNode(.device, name: "d\(rank)", machine: 0) }
        topology.connect(0, 1, LinkSpec(kind: .generic, bandwidthBytesPerSecond: first, latencySeconds: latency))
        topology.connect(1, 2, LinkSpec(kind: .generic, bandwidthBytesPerSecond: second, latencySeconds: latency))
        return topology
    }

    @Test func aLoneFlowTakesLatencyPlusSizeOverBandwidth() throws {
        let probe = FlowProbe(topology: line(100, 100, latency: 0.25))
        probe.plan(at: 1, from: 0, to: 2, bytes: 200)
        let times = try probe.run()
        // Two hops of 0.25 s latency, 200 B at 100 B/s.
        #expect(isClose(times[0], 1 + 0.5 + 2, absolute: 1e-12))
        #expect(probe.interconnect.sharedFlowCount == 0)
        #expect(probe.interconnect.maxFlowsOnLink == 1)
    }

    @Test func twoFlowsOnOneLinkShareItEqually() throws {
        let probe = FlowProbe(topology: line(100, 100, latency: 0.1))
        probe.plan(at: 0, from: 0, to: 1, bytes: 100)
        probe.plan(at: 0, from: 0, to: 1, bytes: 100)
        let times = try probe.run()
        #expect(isClose(times[0], 2.1, absolute: 1e-12))
        #expect(isClose(times[1], 2.1, absolute: 1e-12))
        #expect(probe.interconnect.maxFlowsOnLink == 2)
        #expect(probe.interconnect.sharedFlowCount == 2)
    }

    @Test func oppositeDirectionsDoNotContend() throws {
        let probe = FlowProbe(topology: line(100, 100))
        probe.plan(at: 0, from: 0, to: 1, bytes: 100)
        probe.plan(at: 0, from: 1, to: 0, bytes: 100)
        let times = try probe.run()
        #expect(times == [1, 1])
        #expect(probe.interconnect.sharedFlowCount == 0)
    }

    @Test func aFlowJoiningMidwaySlowsTheFirstAndRatesRecoverWhenItEnds() throws {
        let probe = FlowProbe(topology: line(100, 100))
        probe.plan(at: 0, from: 0, to: 1, bytes: 100)
        probe.plan(at: 0.5, from: 0, to: 1, bytes: 100)
        let times = try probe.run()
        // A sends 50 B alone, then 50 B at 50 B/s (ends 1.5); B sends 50 B shared, then 50 B alone (ends 2.0).
        #expect(isClose(times[0], 1.5, absolute: 1e-12))
        #expect(isClose(times[1], 2.0, absolute: 1e-12))
    }

    @Test func maxMinFairnessGivesUnusedShareToTheUnconstrainedFlow() throws {
        // Link 0-1: 10 B/s, link 1-2: 4 B/s. Flow 1: 0->2 (both links), flow 2: 0->1, flow 3: 1->2.
        let probe = FlowProbe(topology: line(10, 4))
        probe.plan(at: 0, from: 0, to: 2, bytes: 8)
        probe.plan(at: 0, from: 0, to: 1, bytes: 8)
        probe.plan(at: 0, from: 1, to: 2, bytes: 4)
        let times = try probe.run()
        // Rates: flows 1 and 3 split 4 B/s; flow 2 gets 10 - 2 = 8 B/s (done at 1 s).
        // Flow 3 ends at 2 s; flow 1 then gets 4 B/s for its last 4 B (done at 3 s).
        #expect(isClose(times[1], 1, absolute: 1e-12))
        #expect(isClose(times[2], 2, absolute: 1e-12))
        #expect(isClose(times[0], 3, absolute: 1e-12))
    }

    @Test func zeroByteFlowsTakeOnlyTheLatency() throws {
        let probe = FlowProbe(topology: line(10, 10, latency: 0.5))
        probe.plan(at: 0, from: 0, to: 2, bytes: 0)
        #expect(try probe.run() == [1.0])
    }
}
