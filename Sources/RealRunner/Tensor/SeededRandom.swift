import CGSL

/// A seeded Mersenne Twister (GSL `mt19937`): the one source of randomness of a run.
///
/// The same seed gives the same stream on every machine, so initial weights, latent
/// draws and datasets are reproducible.
public final class SeededRandom {
    private let rng: UnsafeMutablePointer<gsl_rng>

    /// Creates a generator seeded with `seed` (GSL maps seed 0 to its default 4357).
    public init(seed: UInt64) {
        rng = gsl_rng_alloc(gansim_rng_mt19937())!
        gsl_rng_set(rng, UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(rng) }

    /// A uniform draw in `[0, 1)`.
    public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// A uniform draw in `[lo, hi)`.
    public func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * uniform() }

    /// A standard normal draw (Ziggurat).
    public func gaussian() -> Double { gsl_ran_gaussian_ziggurat(rng, 1.0) }

    /// A uniform integer in `[0, n)`.
    public func int(below n: Int) -> Int {
        precondition(n > 0)
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// Fills `t` with normal draws of the given mean and standard deviation.
    public func fillGaussian(_ t: Tensor, mean: Float = 0, std: Float = 1) {
        for i in 0..<t.count { t.data[i] = mean + std * Float(gaussian()) }
    }

    /// Fills `t` with uniform draws in `[lo, hi)`.
    public func fillUniform(_ t: Tensor, _ lo: Float, _ hi: Float) {
        for i in 0..<t.count { t.data[i] = lo + (hi - lo) * Float(uniform()) }
    }

    /// A random permutation of `0..<n` (Fisher–Yates).
    public func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n < 2 { return p }
        for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, int(below: i + 1)) }
        return p
    }
}
