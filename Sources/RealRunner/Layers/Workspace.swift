/// Scratch buffers shared by the layers of a run: contents do not survive from one
/// kernel call to the next, so three buffers serve every layer.
public final class Workspace {
    private var buffers: [Tensor] = [Tensor(shape: [0]), Tensor(shape: [0]), Tensor(shape: [0])]

    /// Creates an empty workspace.
    public init() {}

    /// Scratch buffer `index` (0, 1 or 2) with room for at least `count` floats.
    func buffer(_ index: Int, count: Int) -> UnsafeMutablePointer<Float> {
        if buffers[index].count < count { buffers[index] = Tensor(shape: [count]) }
        return buffers[index].data
    }
}
