import Foundation

/// Axis ticks at "nice" values (1, 2, 5 x 10^k) covering a data range.
public struct NiceScale: Sendable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// A scale from `min` to `max` with about `ticks` intervals; `min` is kept at 0 when it is 0.
    public init(min: Double, max: Double, ticks: Int = 5) {
        let lo = Swift.min(min, max), hi = Swift.max(min, max)
        let span = hi - lo > 0 ? hi - lo : Swift.max(abs(hi), 1)
        let raw = span / Double(Swift.max(1, ticks))
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        let nice = residual <= 1 ? 1.0 : residual <= 2 ? 2.0 : residual <= 5 ? 5.0 : 10.0
        step = nice * magnitude
        lower = floor(lo / step) * step
        upper = Swift.max(ceil(hi / step) * step, lower + step)
    }

    /// The tick values from `lower` to `upper`.
    public var ticks: [Double] {
        let n = Int(((upper - lower) / step).rounded())
        return (0...n).map { lower + Double($0) * step }
    }
}
