import Foundation

/// Procedurally generated RGB images: one filled circle, square or triangle of a
/// saturated colour on a dark background, its size, position and colour drawn from the
/// run's seeded generator. Pixel values are in `[-1, 1]` like a `tanh` generator's.
public final class ShapesDataset: Dataset {
    public let name: String
    public let sampleShape: [Int]
    /// Side of the images in pixels.
    public let resolution: Int

    /// The palette the shape colours come from (RGB in [0, 1]).
    static let palette: [(Float, Float, Float)] = [
        (0.95, 0.20, 0.20), (0.20, 0.85, 0.25), (0.25, 0.40, 0.95), (0.95, 0.85, 0.20),
        (0.90, 0.30, 0.90), (0.20, 0.85, 0.90),
    ]

    /// Creates the dataset at `resolution` pixels (at least 8).
    public init(resolution: Int) throws(RunnerError) {
        guard resolution >= 8 else {
            throw .invalidOption(field: "resolution", value: "\(resolution)", expected: "at least 8 for the shapes dataset")
        }
        self.resolution = resolution
        name = "shapes-\(resolution)"
        sampleShape = [3, resolution, resolution]
    }

    public func fill(_ batch: Tensor, rng: SeededRandom) {
        let r = resolution, plane = r * r
        for b in 0..<batch.batch {
            let img = batch.data + b * 3 * plane
            let bg = Float(rng.uniform(0.0, 0.15))
            let color = Self.palette[rng.int(below: Self.palette.count)]
            let kind = rng.int(below: 3)
            let size = rng.uniform(0.3, 0.6) * Double(r)  // side or diameter in pixels
            let half = size / 2
            let cx = rng.uniform(half, Double(r) - half), cy = rng.uniform(half, Double(r) - half)
            for y in 0..<r {
                for x in 0..<r {
                    // pixel centre relative to the shape centre
                    let px = Double(x) + 0.5 - cx, py = Double(y) + 0.5 - cy
                    let inside: Bool
                    switch kind {
                    case 0: inside = px * px + py * py <= half * half
                    case 1: inside = abs(px) <= half && abs(py) <= half
                    default:
                        // upward triangle: apex at top centre, base at the bottom
                        let t = (py + half) / size  // 0 at the apex, 1 at the base
                        inside = t >= 0 && t <= 1 && abs(px) <= half * t
                    }
                    let i = y * r + x
                    img[i] = (inside ? color.0 : bg) * 2 - 1
                    img[plane + i] = (inside ? color.1 : bg) * 2 - 1
                    img[2 * plane + i] = (inside ? color.2 : bg) * 2 - 1
                }
            }
        }
    }
}
