/// The persistent state of spectral normalisation for one weight: `u`, `v`, the
/// normalised weight and the gradient with respect to it.
final class SpectralNormState {
    let rows: Int, cols: Int
    let u: Tensor, v: Tensor
    /// `W / sigma`, used by the layer's kernels in place of `W`.
    let wsn: Tensor
    /// Gradient with respect to `wsn`, turned into the gradient of `W` by `endBackward`.
    let gsn: Tensor
    private(set) var sigma: Float = 1
    /// Whether forward runs a power iteration (training) or reuses `u`, `v` (checks).
    var iterate = true

    /// Creates the state with `u` a random unit vector (as PyTorch) and `v = normalize(W^T u)`
    /// computed on the first forward.
    init(rows: Int, cols: Int, rng: SeededRandom) {
        self.rows = rows
        self.cols = cols
        u = Tensor(shape: [rows])
        v = Tensor(shape: [cols])
        wsn = Tensor(shape: [rows * cols])
        gsn = Tensor(shape: [rows * cols])
        rng.fillGaussian(u)
        SpectralNormKernel.normalize(u.data, rows)
    }

    /// Computes `wsn` from `w` and returns it.
    func forward(_ w: UnsafePointer<Float>) -> UnsafePointer<Float> {
        sigma = SpectralNormKernel.forward(w: w, wsn: wsn.data, u: u.data, v: v.data, rows: rows, cols: cols, iterate: iterate)
        return UnsafePointer(wsn.data)
    }

    /// Zeroes and returns the buffer the layer's kernel writes the `wsn` gradient into.
    func beginBackward() -> UnsafeMutablePointer<Float> {
        gsn.zero()
        return gsn.data
    }

    /// Adds the gradient with respect to `W` into `dw`.
    func endBackward(_ dw: UnsafeMutablePointer<Float>) {
        SpectralNormKernel.backward(g: gsn.data, wsn: wsn.data, u: u.data, v: v.data, sigma: sigma, dw: dw, rows: rows, cols: cols)
    }
}
