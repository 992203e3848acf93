import CGSL

/// A seeded GSL Mersenne Twister (`gsl_rng_mt19937`): the only source of randomness in a simulation.
public final class RandomStream {
    private let rng: OpaquePointer

    /// Creates a generator seeded with `seed` (same seed, same draws).
    public init(seed: UInt64) {
        rng = OpaquePointer(gsl_rng_alloc(gansim_rng_mt19937()))
        gsl_rng_set(UnsafePointer(rng), UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(UnsafeMutablePointer(rng)) }

    /// A uniform draw in [0, 1) (`gsl_rng_uniform`).
    public func uniform() -> Double { gsl_rng_uniform(UnsafePointer(rng)) }

    /// A Gaussian draw with mean 0 and standard deviation `sigma` (`gsl_ran_gaussian`).
    public func gaussian(sigma: Double) -> Double { gsl_ran_gaussian(UnsafePointer(rng), sigma) }

    /// A gamma draw of shape `shape` and scale `scale` seconds (mean `shape * scale`, variance `shape * scale^2`;
    /// `gsl_ran_gamma`).
    public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(UnsafePointer(rng), shape, scale) }

    /// The integers `0..<count` in an order drawn uniformly (`gsl_ran_shuffle`).
    public func permutation(count: Int) -> [Int] {
        var order = Array(0..<count)
        order.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, count > 1 else { return }
            gsl_ran_shuffle(UnsafePointer(rng), base, count, MemoryLayout<Int>.stride)
        }
        return order
    }
}
