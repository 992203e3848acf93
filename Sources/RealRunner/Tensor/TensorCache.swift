/// Reuses a tensor across steps, reallocating only when a larger one is requested.
///
/// Layers keep their outputs and saved activations in caches so that a training step
/// allocates nothing once the first step has run. A smaller request reuses the storage:
/// D runs on real and fake samples together in its own phase and on fake ones alone in
/// G's, and reallocating (and zero-filling) at every such switch would cost the passes
/// after it more than their own work: fresh pages fault in and leave the caches cold.
public struct TensorCache {
    private var tensor: Tensor?

    /// Creates an empty cache.
    public init() {}

    /// A tensor of the given shape; its contents are whatever the last user left unless
    /// `zeroed` is set.
    public mutating func get(_ shape: [Int], zeroed: Bool = false) -> Tensor {
        if let t = tensor, t.capacity >= shape.reduce(1, *) {
            if t.shape != shape { t.resize(shape) }
            if zeroed { t.zero() }
            return t
        }
        let t = Tensor(shape: shape)
        tensor = t
        return t
    }
}
