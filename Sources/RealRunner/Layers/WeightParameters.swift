/// The weight, optional bias and optional spectral-norm state of a linear or
/// convolution layer, bound to the network's flat parameter buffer.
struct WeightParameters {
    let weightCount: Int
    let hasBias: Bool
    let spectral: SpectralNormState?
    private(set) var w: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?
    private(set) var b: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?

    /// Creates the parameters; with `spectralNorm` the weight is seen as a
    /// `(rows, weightCount/rows)` matrix.
    init(weightCount: Int, hasBias: Bool, spectralNorm: Bool, rows: Int, rng: SeededRandom) {
        self.weightCount = weightCount
        self.hasBias = hasBias
        spectral = spectralNorm ? SpectralNormState(rows: rows, cols: weightCount / rows, rng: rng) : nil
    }

    /// Points at the weight (then the bias) and their gradients.
    mutating func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {
        w = parameters
        dw = gradients
        if hasBias { b = parameters + weightCount; db = gradients + weightCount }
    }

    /// The weight a forward pass uses: `W`, or `W / sigma` after a power iteration.
    func forwardWeight() -> UnsafePointer<Float> { spectral?.forward(w!) ?? UnsafePointer(w!) }

    /// The weight the last forward used (for backward).
    var usedWeight: UnsafePointer<Float> { spectral.map { UnsafePointer($0.wsn.data) } ?? UnsafePointer(w!) }

    /// Where backward writes the gradient of the used weight.
    func beginWeightGradient() -> UnsafeMutablePointer<Float> { spectral?.beginBackward() ?? dw! }

    /// Turns the used-weight gradient into the gradient of `W` (spectral norm only).
    func endWeightGradient() { spectral?.endBackward(dw!) }
}
