import Foundation

/// The 2-D mixture of 8 Gaussians on a circle (Metz et al. 2017): radius 2, standard
/// deviation 0.02, equal weights.
public final class RingDataset: Dataset {
    public let name = "ring"
    public let sampleShape = [2]
    /// Number of modes.
    public let modes: Int
    /// Circle radius.
    public let radius: Double
    /// Standard deviation of each mode.
    public let std: Double

    /// Creates the ring (defaults of the unrolled-GAN experiments).
    public init(modes: Int = 8, radius: Double = 2, std: Double = 0.02) {
        self.modes = modes
        self.radius = radius
        self.std = std
    }

    /// The centre of mode `k`.
    public func center(_ k: Int) -> (x: Double, y: Double) {
        let a = 2 * Double.pi * Double(k) / Double(modes)
        return (radius * cos(a), radius * sin(a))
    }

    public func fill(_ batch: Tensor, rng: SeededRandom) {
        for b in 0..<batch.batch {
            let c = center(rng.int(below: modes))
            batch[2 * b] = Float(c.x + std * rng.gaussian())
            batch[2 * b + 1] = Float(c.y + std * rng.gaussian())
        }
    }

    /// How well `points (N, 2)` cover the ring: a point is high-quality when it lies
    /// within 3 standard deviations of a mode centre; a mode is covered when at least
    /// `minimumShare` of the points are high-quality points of that mode (by default
    /// 2%, a sixth of a fair share of 1/8).
    public func evaluate(_ points: Tensor, minimumShare: Double? = nil) -> RingCoverage {
        let n = points.batch
        var perMode = [Int](repeating: 0, count: modes)
        var good = 0
        for i in 0..<n {
            let x = Double(points[2 * i]), y = Double(points[2 * i + 1])
            var best = 0, bestD = Double.infinity
            for k in 0..<modes {
                let c = center(k)
                let d = ((x - c.x) * (x - c.x) + (y - c.y) * (y - c.y)).squareRoot()
                if d < bestD { bestD = d; best = k }
            }
            if bestD <= 3 * std {
                good += 1
                perMode[best] += 1
            }
        }
        let share = minimumShare ?? 0.02
        let covered = perMode.filter { Double($0) >= share * Double(n) }.count
        return RingCoverage(modesCovered: covered, highQualityFraction: n == 0 ? 0 : Double(good) / Double(n),
                            samplesPerMode: perMode)
    }
}
