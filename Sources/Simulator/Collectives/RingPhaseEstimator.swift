/// The congestion-unaware time of a `RingPhasePlan`, in closed form: `AnalyticEstimator`'s critical path without walking the transfers.
///
/// In a ring phase, the send of chunk c in step s by member i waits for the send of
/// chunk c in step s-1 by members i-1 (what it forwards) and i (its own previous send),
/// and for its chunk c-1 of step s; its first send waits for the member's ready time
/// `R[i]` (the last transfer into it in the phases before). Each of member i's transfers
/// takes `t[i]` = route latency + bytes / route bottleneck bandwidth. A dependency path
/// to member j-1's last send (what member j receives last) therefore holds S + C - 1
/// transfers (S steps, C chunks) on a run of consecutive members i0, ..., j-1 of length
/// L ≤ min(S, N), each member at least once; the longest such path puts the spare
/// S + C - 1 - L transfers on the run's slowest member, so member j receives last at
///
///     F[j] = max over L of  R[j-L] + Σ t[j-L ..< j] + (S + C - 1 - L) · max t[j-L ..< j].
///
/// When every member's transfer takes the same time t this is
/// max R[j-L] + (S + C - 1)·t; when every ready time is the same r, the latest member
/// finishes at r + (S + C - 1)·max t. The collective ends at the latest transfer of any
/// phase. Equal to the schedule walk up to floating-point rounding (tests compare them).
public struct RingPhaseEstimator: Sendable {
    /// One ring's per-member transfer costs: member i sends to member i+1 over one route.
    struct RingCosts: Sendable {
        /// The ring's participant slots.
        var slots: [Int]
        /// Route latency of each member's sends, in seconds.
        var latencySeconds: [Double]
        /// Seconds per byte (inverse bottleneck bandwidth) of each member's sends.
        var secondsPerByte: [Double]
        /// Whether every member's route has the same latency and bottleneck.
        var uniform: Bool
        /// On a topology with message regimes, each member's route cost by message size.
        var messageCosts: [RouteMessageCost?]?

        /// The ring's costs for messages of `bytes` (itself without message regimes).
        func at(_ bytes: Double) -> RingCosts {
            guard let messageCosts else { return self }
            var ring = self
            for (i, cost) in messageCosts.enumerated() {
                if let (latency, perByte) = cost?.at(bytes) {
                    ring.latencySeconds[i] = latency
                    ring.secondsPerByte[i] = perByte
                }
            }
            ring.uniform = ring.latencySeconds.allSatisfy { $0 == ring.latencySeconds[0] }
                && ring.secondsPerByte.allSatisfy { $0 == ring.secondsPerByte[0] }
            return ring
        }
    }

    /// One phase's rings with their costs.
    struct PhaseCosts: Sendable {
        var rings: [RingCosts]
        var steps: Int
        var bytesPerTransfer: Double
    }

    private let phases: [PhaseCosts]
    private let participantCount: Int
    private let chunks: Int

    /// Looks up the route of every ring edge, with slot i on device rank `participants[i]`.
    public init(plan: RingPhasePlan, participants: [Int], routes: inout RouteTable) throws {
        let devices = routes.topology.devices
        var ends: [(source: Int, destination: Int)] = []
        for phase in plan.phases {
            for ring in phase.rings {
                for (i, slot) in ring.enumerated() {
                    ends.append((devices[participants[slot]], devices[participants[ring[(i + 1) % ring.count]]]))
                }
            }
        }
        var ids = try routes.routes(ends)[...]
        var phases: [PhaseCosts] = []
        for phase in plan.phases {
            var rings: [RingCosts] = []
            for ring in phase.rings {
                var latency: [Double] = [], perByte: [Double] = []
                var messageCosts: [RouteMessageCost?]? = routes.hasMessageRegimes ? [] : nil
                for _ in ring {
                    let route = Int(ids.removeFirst())
                    latency.append(routes.latencySeconds[route])
                    perByte.append(1 / routes.bottleneckBytesPerSecond[route])
                    messageCosts?.append(routes.messageCosts[route])
                }
                let uniform = latency.allSatisfy { $0 == latency[0] } && perByte.allSatisfy { $0 == perByte[0] }
                rings.append(RingCosts(slots: ring, latencySeconds: latency, secondsPerByte: perByte, uniform: uniform,
                                       messageCosts: messageCosts))
            }
            phases.append(PhaseCosts(rings: rings, steps: phase.steps, bytesPerTransfer: phase.bytesPerTransfer))
        }
        self.phases = phases
        participantCount = plan.participantCount
        chunks = plan.chunks
    }

    /// Per phase, how many of its rings have the same latency and bottleneck on every hop (closed form without a search).
    public var uniformRingCounts: [Int] { phases.map { $0.rings.filter(\.uniform).count } }

    /// Critical-path seconds of the collective with every transfer's bytes multiplied by `bytesScale`.
    public func seconds(bytesScale: Double) -> Double {
        var ready = Array(repeating: 0.0, count: participantCount)
        var total = 0.0
        var memberReady: [Double] = [], received: [Double] = []
        for (p, phase) in phases.enumerated() {
            let isLast = p == phases.count - 1
            let bytes = phase.bytesPerTransfer * bytesScale
            var next = ready
            // Rings of one phase often repeat (one per local rank across identical machines): reuse the previous one's figures.
            var previous: (ring: RingCosts, ready: [Double], latest: Double)?
            for phaseRing in phase.rings {
                let ring = phaseRing.at(bytes)
                memberReady.removeAll(keepingCapacity: true)
                for slot in ring.slots { memberReady.append(ready[slot]) }
                let repeats = previous.map { $0.ready == memberReady && $0.ring.latencySeconds == ring.latencySeconds && $0.ring.secondsPerByte == ring.secondsPerByte } ?? false
                if isLast {
                    let latest = repeats ? previous!.latest : Self.latestReceipt(ring, ready: memberReady, bytes: bytes, steps: phase.steps, chunks: chunks)
                    total = max(total, latest)
                    previous = (ring, memberReady, latest)
                    continue
                }
                if !repeats {
                    Self.receipts(ring, ready: memberReady, bytes: bytes, steps: phase.steps, chunks: chunks, into: &received)
                    previous = (ring, memberReady, 0)
                }
                for (slot, finish) in zip(ring.slots, received) {
                    next[slot] = finish
                    total = max(total, finish)
                }
            }
            ready = next
        }
        return total
    }
}
