/// A source of training samples for D's "real" input.
public protocol Dataset: AnyObject {
    /// A short description for reports (`ring`, `shapes-64`, a path).
    var name: String { get }
    /// Per-sample shape: `[2]` for points, `[C, H, W]` for images.
    var sampleShape: [Int] { get }
    /// Fills `batch` (`(B, sampleShape...)`) with samples drawn with `rng`.
    func fill(_ batch: Tensor, rng: SeededRandom)
}
