/// The geometry of a batched 2-D convolution: an image `(B, C, H, W)` seen through a
/// `kernel x kernel` window with `stride` and zero `padding`, giving `(outH, outW)`.
///
/// A transposed convolution uses the same geometry with the roles swapped: its output
/// is the "image" and its input has the "col" spatial size.
public struct ConvGeometry: Hashable, Sendable {
    public var batch: Int
    public var channels: Int
    public var height: Int
    public var width: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int

    /// Creates a geometry.
    public init(batch: Int, channels: Int, height: Int, width: Int, kernel: Int, stride: Int, padding: Int) {
        self.batch = batch
        self.channels = channels
        self.height = height
        self.width = width
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
    }

    /// Output height `(H + 2p - k) / s + 1`.
    public var outHeight: Int { (height + 2 * padding - kernel) / stride + 1 }
    /// Output width `(W + 2p - k) / s + 1`.
    public var outWidth: Int { (width + 2 * padding - kernel) / stride + 1 }
}
