/// Reuses a tensor across steps, reallocating only when the requested shape changes.
///
/// Layers keep their outputs and saved activations in caches so that a training step
/// allocates nothing once the first step has run.
public struct TensorCache {
    private var tensor: Tensor?

    /// Creates an empty cache.
    public init() {}

    /// A tensor of the given shape; its contents are whatever the last user left unless
    /// `zeroed` is set.
    public mutating func get(_ shape: [Int], zeroed: Bool = false) -> Tensor {
        if let t = tensor, t.count == shape.reduce(1, *) {
            if t.shape != shape { t.reshape(shape) }
            if zeroed { t.zero() }
            return t
        }
        let t = Tensor(shape: shape)
        tensor = t
        return t
    }
}
