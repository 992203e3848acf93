/// Which data D sees as real: a built-in dataset or a path.
public enum DatasetChoice: Sendable, Hashable, CustomStringConvertible {
    /// The 8-Gaussian ring (for `mlp-gan`).
    case ring
    /// Procedurally generated coloured shapes at the model's resolution.
    case shapes
    /// A folder of PNG files, or an MNIST-format IDX file.
    case path(String)

    /// Parses `ring`, `shapes`, or anything else as a path.
    public init(_ text: String) {
        switch text {
        case "ring": self = .ring
        case "shapes": self = .shapes
        default: self = .path(text)
        }
    }

    public var description: String {
        switch self {
        case .ring: "ring"
        case .shapes: "shapes"
        case .path(let p): p
        }
    }
}
