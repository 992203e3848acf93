extension RingPhaseEstimator {
    /// Rings with at most this many transfers (steps × chunks × members) whose hops differ
    /// are timed by replaying the schedule's recurrence exactly; larger ones by the closed form.
    static let replayLimit = 1 << 18

    /// When each member of `ring` receives its last chunk: `received[j]` is the finish of member j-1's last send.
    ///
    /// Rings whose hops all cost the same are timed in closed form, and so are large
    /// irregular ones; small irregular rings replay the recurrence. Closed form and replay
    /// both compute transfer finishes as the schedule walk does, (ready + latency) + bytes·seconds-per-byte,
    /// so uniform rings and replayed rings give the walk's figures to the last bit.
    static func receipts(_ ring: RingCosts, ready: [Double], bytes: Double, steps: Int, chunks: Int, into received: inout [Double]) {
        let n = ring.slots.count
        received.removeAll(keepingCapacity: true)
        if ring.uniform {
            // Every path to member j-1's last send holds S + C - 1 equal transfers and starts at one of the
            // min(S, N) members before j; rounding is monotone, so the walk's value is the chain from the latest start.
            let window = min(steps, n)
            let latestStart = window == n ? ready.max()! : -Double.infinity
            var memo: [Double: Double] = [:]
            for j in 0..<n {
                var start = latestStart
                if window < n {
                    var i = j
                    for _ in 0..<window {
                        i = i == 0 ? n - 1 : i - 1
                        start = max(start, ready[i])
                    }
                }
                if let known = memo[start] {
                    received.append(known)
                } else {
                    let finish = chain(from: start, latencySeconds: ring.latencySeconds[0], transferSeconds: bytes * ring.secondsPerByte[0], count: steps + chunks - 1)
                    memo[start] = finish
                    received.append(finish)
                }
            }
        } else if steps * chunks * n <= replayLimit {
            replay(ring, ready: ready, bytes: bytes, steps: steps, chunks: chunks, into: &received)
        } else {
            closedForm(ring, ready: ready, bytes: bytes, steps: steps, chunks: chunks, into: &received)
        }
    }

    /// The latest finish of any transfer of `ring` (its members' sends), for a last phase.
    static func latestReceipt(_ ring: RingCosts, ready: [Double], bytes: Double, steps: Int, chunks: Int) -> Double {
        let first = ready[0]
        if ring.uniform || ready.allSatisfy({ $0 == first }) {
            // From the latest ready time, stay on the slowest member for all S + C - 1 transfers.
            var slowest = 0
            for i in ring.slots.indices {
                let here = ring.latencySeconds[i] + bytes * ring.secondsPerByte[i]
                let best = ring.latencySeconds[slowest] + bytes * ring.secondsPerByte[slowest]
                if here > best { slowest = i }
            }
            return chain(from: ready.max()!, latencySeconds: ring.latencySeconds[slowest],
                         transferSeconds: bytes * ring.secondsPerByte[slowest], count: steps + chunks - 1)
        }
        var received: [Double] = []
        receipts(ring, ready: ready, bytes: bytes, steps: steps, chunks: chunks, into: &received)
        return received.max()!
    }

    /// `count` transfers one after the other from `start`, each finishing at (ready + latency) + transfer seconds.
    static func chain(from start: Double, latencySeconds: Double, transferSeconds: Double, count: Int) -> Double {
        var finish = start
        for _ in 0..<count { finish = finish + latencySeconds + transferSeconds }
        return finish
    }

    /// The schedule's recurrence, step by step: send (s, c) of member i finishes at
    /// max(send (s-1, c) of members i-1 and i, send (s, c-1) of member i, or the ready time at step 0) + its own time.
    static func replay(_ ring: RingCosts, ready: [Double], bytes: Double, steps: Int, chunks: Int, into received: inout [Double]) {
        let n = ring.slots.count
        let transfer = (0..<n).map { bytes * ring.secondsPerByte[$0] }
        // previous[c * n + i]: finish of member i's send of chunk c in the step before.
        var previous = Array(repeating: 0.0, count: chunks * n)
        var current = previous
        for step in 0..<steps {
            for c in 0..<chunks {
                for i in 0..<n {
                    var start = step == 0 ? ready[i] : max(previous[c * n + (i + n - 1) % n], previous[c * n + i])
                    if c > 0 { start = max(start, current[(c - 1) * n + i]) }
                    current[c * n + i] = start + ring.latencySeconds[i] + transfer[i]
                }
            }
            swap(&previous, &current)
        }
        for j in 0..<n { received.append(previous[(chunks - 1) * n + (j + n - 1) % n]) }
    }

    /// The longest dependency path in closed form (see the type's discussion):
    /// max over run lengths L ≤ min(S, N) of R[j-L] + Σ t[j-L ..< j] + (S + C - 1 - L)·max t[j-L ..< j].
    ///
    /// Equal to the walk up to rounding (sums in another order).
    static func closedForm(_ ring: RingCosts, ready: [Double], bytes: Double, steps: Int, chunks: Int, into received: inout [Double]) {
        let n = ring.slots.count
        let times = (0..<n).map { ring.latencySeconds[$0] + bytes * ring.secondsPerByte[$0] }
        let window = min(steps, n)
        let pathTransfers = steps + chunks - 1
        for j in 0..<n {
            var sum = 0.0, slowest = 0.0, latest = -Double.infinity
            var i = j
            for length in 1...window {
                i = i == 0 ? n - 1 : i - 1
                sum += times[i]
                slowest = max(slowest, times[i])
                latest = max(latest, ready[i] + sum + Double(pathTransfers - length) * slowest)
            }
            received.append(latest)
        }
    }
}
