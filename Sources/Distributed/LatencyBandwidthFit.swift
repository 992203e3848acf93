/// Fits the latency and bandwidth of a transport from ring all-reduce times.
///
/// A ring all-reduce of `S` bytes over `N` ranks takes `2(N-1)` steps, each one message
/// of `S/N` bytes per rank, so with per-message latency `alpha` (seconds) and per-direction
/// bandwidth `beta` (bytes per second):
///
///     t(S) = 2(N-1) alpha + 2(N-1)/N * S / beta
///
/// which is linear in `a = 2(N-1) alpha` and `b = 2(N-1) / (N beta)`. The fit is linear
/// least squares on relative residuals (weights `1/t^2`), so the microsecond times of
/// small messages count as much as the milliseconds of large ones; a negative intercept
/// is clamped to zero latency and the slope refitted. Time spent adding the received
/// chunks is part of the measured times, so `beta` is an effective bandwidth.
public struct LatencyBandwidthFit: Codable, Sendable, Hashable {
    /// Per-message latency `alpha`, in seconds.
    public var latencySeconds: Double
    /// Per-direction bandwidth `beta`, in bytes per second.
    public var bandwidthBytesPerSecond: Double
    /// Ranks the samples were measured with.
    public var ranks: Int
    /// Root mean square of `predicted / measured - 1` over the samples.
    public var rmsRelativeError: Double
    /// Largest `|predicted / measured - 1|` over the samples.
    public var maxRelativeError: Double

    /// The model's all-reduce time for `bytes` over `ranks` ranks, in seconds.
    public static func predictedSeconds(bytes: Double, ranks: Int, latencySeconds: Double,
                                        bandwidthBytesPerSecond: Double) -> Double {
        let n = Double(ranks)
        return 2 * (n - 1) * latencySeconds + 2 * (n - 1) / n * bytes / bandwidthBytesPerSecond
    }

    /// This fit's all-reduce time for `bytes`, in seconds.
    public func predictedSeconds(bytes: Double) -> Double {
        Self.predictedSeconds(bytes: bytes, ranks: ranks, latencySeconds: latencySeconds,
                              bandwidthBytesPerSecond: bandwidthBytesPerSecond)
    }

    /// Fits `alpha` and `beta` to `(bytes, seconds)` samples measured over `ranks` ranks.
    ///
    /// - Throws: `MPIError.invalidOption` for fewer than 2 ranks, fewer than two distinct
    ///   sizes, non-positive times, or times that do not grow with size.
    public static func fit(_ samples: [(bytes: Double, seconds: Double)], ranks: Int) throws(MPIError) -> LatencyBandwidthFit {
        guard ranks >= 2 else {
            throw .invalidOption(field: "ranks", value: "\(ranks)", expected: "at least 2 (one rank does not communicate)")
        }
        guard Set(samples.map(\.bytes)).count >= 2 else {
            throw .invalidOption(field: "samples", value: "\(samples.count)", expected: "at least two message sizes")
        }
        if let bad = samples.first(where: { !($0.seconds > 0) || !$0.seconds.isFinite }) {
            throw .invalidOption(field: "seconds", value: "\(bad.seconds)", expected: "positive finite times")
        }
        // Weighted normal equations for t ~ a + b S with weights 1/t^2.
        var s11 = 0.0, s12 = 0.0, s22 = 0.0, r1 = 0.0, r2 = 0.0
        for (bytes, t) in samples {
            let u = 1 / t, v = bytes / t
            s11 += u * u; s12 += u * v; s22 += v * v
            r1 += u; r2 += v
        }
        let det = s11 * s22 - s12 * s12
        var a = (r1 * s22 - r2 * s12) / det
        var b = (s11 * r2 - s12 * r1) / det
        if !(a >= 0) {
            a = 0
            b = r2 / s22
        }
        guard b > 0, b.isFinite else {
            throw .invalidOption(field: "samples", value: "slope \(b)", expected: "times that grow with the message size")
        }
        let n = Double(ranks)
        var fit = LatencyBandwidthFit(latencySeconds: a / (2 * (n - 1)), bandwidthBytesPerSecond: 2 * (n - 1) / (n * b),
                                      ranks: ranks, rmsRelativeError: 0, maxRelativeError: 0)
        let errors = samples.map { fit.predictedSeconds(bytes: $0.bytes) / $0.seconds - 1 }
        fit.rmsRelativeError = (errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)).squareRoot()
        fit.maxRelativeError = errors.map(abs).max() ?? 0
        return fit
    }
}
