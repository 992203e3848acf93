import Foundation
import Simulator

/// The transport's ring all-reduce times fitted piecewise by message size: a latency and bandwidth per regime.
///
/// MPI's shared-memory transport has regimes (small messages sent eagerly, larger ones by rendezvous, and slower
/// again once a message no longer fits in cache), so one latency/bandwidth line misprices most sizes. The sorted
/// sizes are cut into at most `maximumRegimes` runs of consecutive sizes, each fitted by `LatencyBandwidthFit`
/// (`t = 2(N-1) alpha + 2(N-1)/N S / beta`). The number of regimes is the one of least Bayesian information
/// criterion (`n ln(RSS/n) + k ln n` over the relative residuals, `k = 3r - 1`: two parameters per regime and
/// its cuts): a regime must explain more than the sweep's noise, so a transport without regimes keeps one line,
/// while the noise of the few microsecond-sized messages does not hide the out-of-cache regime of the largest.
/// A regime covers ring messages (`S / N` bytes) from the geometric middle between its first size and the previous
/// regime's last.
public struct TransportRegimeFit: Codable, Sendable, Hashable {
    /// One regime.
    public struct Regime: Codable, Sendable, Hashable {
        /// The smallest ring message (all-reduce bytes over ranks) it covers, in bytes.
        public var fromMessageBytes: Double
        /// The line fitted to its sizes.
        public var fit: LatencyBandwidthFit
        /// Message sizes measured in it.
        public var sizes: Int
    }

    /// The regimes, by increasing message size.
    public var regimes: [Regime]
    /// Ranks the samples were measured with.
    public var ranks: Int
    /// Root mean square of `predicted / measured - 1` over the samples.
    public var rmsRelativeError: Double
    /// Largest `|predicted / measured - 1|` over the samples.
    public var maxRelativeError: Double

    /// Most regimes a fit has (eager, rendezvous in cache, out of cache).
    public static let maximumRegimes = 3
    /// Fewest message sizes a regime is fitted to.
    public static let minimumSizes = 3
    /// Relative rms residual below which a fit is as good as exact: a repeated all-reduce's fastest time varies by
    /// more than this from round to round.
    static let resolution = 1e-3

    /// The regime of a ring message of `messageBytes`.
    public func regime(messageBytes: Double) -> Regime {
        regimes.last { $0.fromMessageBytes <= messageBytes } ?? regimes[0]
    }

    /// This fit's all-reduce time for `bytes` over `ranks` ranks, in seconds.
    public func predictedSeconds(bytes: Double) -> Double {
        regime(messageBytes: bytes / Double(ranks)).fit.predictedSeconds(bytes: bytes)
    }

    /// The link the simulator's ring uses: the fastest regime's bandwidth, no hop latency, and each regime's latency
    /// and share of that bandwidth as a `MessageRegime`.
    public var link: LinkSpec {
        let peak = regimes.map(\.fit.bandwidthBytesPerSecond).max() ?? 1
        return LinkSpec(kind: .generic, bandwidthBytesPerSecond: peak, latencySeconds: 0, regimes: regimes.enumerated().map { i, r in
            MessageRegime(name: "regime \(i + 1)", fromBytes: i == 0 ? 0 : r.fromMessageBytes,
                          overheadSeconds: r.fit.latencySeconds, efficiency: r.fit.bandwidthBytesPerSecond / peak)
        })
    }

    /// The fit whose time for every size is `1 - share` of this fit's plus `share` of `other`'s (same ranks).
    ///
    /// A regime's time is linear in its latency and its inverse bandwidth, so on each run of sizes that falls in one
    /// regime of both fits the weighted time is a regime of latency `(1 - share) a1 + share a2` and inverse bandwidth
    /// `(1 - share) / b1 + share / b2`: the blend has a regime from each fit's regime start, and its times are exact.
    /// Its errors are this fit's.
    public func blended(with other: TransportRegimeFit, share: Double) -> TransportRegimeFit {
        let starts = Set(regimes.map(\.fromMessageBytes) + other.regimes.map(\.fromMessageBytes)).sorted()
        let mixed = starts.map { from -> Regime in
            let a = regime(messageBytes: from), b = other.regime(messageBytes: from)
            var fit = a.fit
            fit.latencySeconds = (1 - share) * a.fit.latencySeconds + share * b.fit.latencySeconds
            fit.bandwidthBytesPerSecond = 1 / ((1 - share) / a.fit.bandwidthBytesPerSecond + share / b.fit.bandwidthBytesPerSecond)
            return Regime(fromMessageBytes: from, fit: fit, sizes: a.sizes)
        }
        return TransportRegimeFit(regimes: mixed, ranks: ranks, rmsRelativeError: rmsRelativeError,
                                  maxRelativeError: maxRelativeError)
    }

    /// Fits regimes to `(bytes, seconds)` samples of a ring all-reduce over `ranks` ranks.
    ///
    /// - Throws: `MPIError.invalidOption` as `LatencyBandwidthFit.fit` does.
    public static func fit(_ samples: [(bytes: Double, seconds: Double)], ranks: Int) throws(MPIError) -> TransportRegimeFit {
        let sizes = Set(samples.map(\.bytes)).sorted()
        func pieces(_ cuts: [Int]) -> [[(bytes: Double, seconds: Double)]] {
            let bounds = [0] + cuts + [sizes.count]
            return (0..<(bounds.count - 1)).map { k in
                let range = sizes[bounds[k]] ... sizes[bounds[k + 1] - 1]
                return samples.filter { range.contains($0.bytes) }
            }
        }
        func error(of cuts: [Int]) throws(MPIError) -> Double {
            var total = 0.0
            for piece in pieces(cuts) { total += squaredError(try LatencyBandwidthFit.fit(piece, ranks: ranks), piece) }
            return total
        }
        // Every way to cut the sizes into regimes of at least `minimumSizes` (cuts: indices where a regime starts).
        func cutSets(regimes: Int, from start: Int) -> [[Int]] {
            guard regimes > 1 else { return [[]] }
            var sets: [[Int]] = []
            var cut = start + minimumSizes
            while cut + minimumSizes * (regimes - 1) <= sizes.count {
                sets += cutSets(regimes: regimes - 1, from: cut).map { [cut] + $0 }
                cut += 1
            }
            return sets
        }
        // Bayesian information criterion of a cut: each regime earns its latency, bandwidth and cut only where it
        // explains more than the noise. Residuals below `resolution` rms are noise the timer cannot tell apart.
        let n = Double(samples.count)
        func criterion(_ squaredError: Double, regimes: Int) -> Double {
            n * log(max(squaredError / n, resolution * resolution)) + Double(3 * regimes - 1) * log(n)
        }
        var best = (cuts: [Int](), score: criterion(try error(of: []), regimes: 1))
        for regimes in 2...maximumRegimes {
            for cuts in cutSets(regimes: regimes, from: 0) {
                guard let e = try? error(of: cuts) else { continue }
                let score = criterion(e, regimes: regimes)
                if score < best.score { best = (cuts, score) }
            }
        }
        let bounds = [0] + best.cuts + [sizes.count]
        var regimes: [Regime] = []
        for (k, piece) in pieces(best.cuts).enumerated() {
            let first = sizes[bounds[k]]
            let from = k == 0 ? 0 : (sizes[bounds[k] - 1] * first).squareRoot() / Double(ranks)
            regimes.append(Regime(fromMessageBytes: from, fit: try LatencyBandwidthFit.fit(piece, ranks: ranks),
                                  sizes: bounds[k + 1] - bounds[k]))
        }
        var fit = TransportRegimeFit(regimes: regimes, ranks: ranks, rmsRelativeError: 0, maxRelativeError: 0)
        let errors = samples.map { fit.predictedSeconds(bytes: $0.bytes) / $0.seconds - 1 }
        fit.rmsRelativeError = (errors.reduce(0) { $0 + $1 * $1 } / Double(max(errors.count, 1))).squareRoot()
        fit.maxRelativeError = errors.map(abs).max() ?? 0
        return fit
    }

    /// Sum of squared relative errors of `fit` over `samples`.
    private static func squaredError(_ fit: LatencyBandwidthFit, _ samples: [(bytes: Double, seconds: Double)]) -> Double {
        samples.reduce(0) { let e = fit.predictedSeconds(bytes: $1.bytes) / $1.seconds - 1; return $0 + e * e }
    }
}
