/// The shape of one sample's tensor, batch dimension excluded.
///
/// Image tensors are `[C, H, W]`, feature vectors `[F]`. The batch size is supplied
/// when costs are computed, so one graph prices any batch.
public struct TensorShape: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The dimensions, outermost first.
    public var dims: [Int]

    /// Creates a shape from its dimensions.
    public init(_ dims: [Int]) { self.dims = dims }

    /// A feature-vector shape `[features]`.
    public static func vector(_ features: Int) -> TensorShape { TensorShape([features]) }

    /// An image shape `[channels, height, width]`.
    public static func image(_ channels: Int, _ height: Int, _ width: Int) -> TensorShape {
        TensorShape([channels, height, width])
    }

    /// Number of elements of one sample.
    public var elementCount: Int { dims.reduce(1, *) }

    /// Channels of an image shape (the first dimension), or the feature count of a vector.
    public var channels: Int { dims.first ?? 1 }

    /// Height of an image shape, 1 for vectors.
    public var height: Int { dims.count == 3 ? dims[1] : 1 }

    /// Width of an image shape, 1 for vectors.
    public var width: Int { dims.count == 3 ? dims[2] : 1 }

    /// Whether this is a `[C, H, W]` shape.
    public var isImage: Bool { dims.count == 3 }

    public var description: String { "[" + dims.map(String.init).joined(separator: "x") + "]" }
}
