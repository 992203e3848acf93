import CGSL

/// Random variation of compute time: per-step jitter, occasional stragglers, and devices that are persistently
/// faster or slower than one another.
public struct JitterSpec: Sendable, Equatable {
    /// Standard deviation of the multiplicative per-step noise (0.02 = 2 %): of a step's compute, whose blocks (a D step,
    /// a G step) are drawn independently, each with its share of it (`stepSpreadShare`).
    public var coefficientOfVariation: Double
    /// Variance of a block's compute, in seconds squared per second of its compute: noise of others' turns falling at
    /// random into it.
    ///
    /// Processes taking turns on a core interrupt one another a number of times that grows with the block's length,
    /// so a block of `c` seconds varies by `sqrt(interruptionSeconds * c)` seconds (on top of
    /// `coefficientOfVariation`): relative to the block its spread shrinks as the block grows, and a step's blocks add
    /// their variances.
    public var interruptionSeconds: Double
    /// Standard deviation of each device's speed over the whole run, relative to the mean (0.02 = 2 %): the same
    /// work takes one device persistently longer than another (clocks, cooling, memory placement, a busier core), so
    /// every synchronisation waits for the slowest.
    public var deviceCoefficientOfVariation: Double
    /// Probability that a device straggles in a given step.
    public var stragglerProbability: Double
    /// Compute-time multiplier of a straggling step.
    public var stragglerSlowdown: Double

    /// Creates a jitter description; the default is no jitter.
    public init(coefficientOfVariation: Double = 0, stragglerProbability: Double = 0, stragglerSlowdown: Double = 1,
                deviceCoefficientOfVariation: Double = 0, interruptionSeconds: Double = 0) {
        self.coefficientOfVariation = coefficientOfVariation
        self.interruptionSeconds = interruptionSeconds
        self.deviceCoefficientOfVariation = deviceCoefficientOfVariation
        self.stragglerProbability = stragglerProbability
        self.stragglerSlowdown = stragglerSlowdown
    }

    /// Draws the compute-time factor of a block of `computeSeconds` of compute from `random`: a normal of relative spread
    /// `coefficientOfVariation` times `stepShare` (never below 0.1), times the interruptions' gamma of mean 1 and relative
    /// variance `interruptionSeconds / computeSeconds` (a sum of many short turns: never negative, however short the
    /// block).
    ///
    /// `stepShare` is the step's compute over the root sum of squares of its blocks' computes (`stepSpreadShare`): the
    /// blocks of a step are drawn independently, so each takes that much more of the step's spread for their sum to
    /// vary by `coefficientOfVariation`.
    func factor(_ random: RandomStream, computeSeconds: Double, stepShare: Double = 1) -> Double {
        var factor = 1.0
        if coefficientOfVariation > 0 {
            factor = max(0.1, 1 + random.gaussian(sigma: coefficientOfVariation * stepShare))
        }
        if interruptionSeconds > 0, computeSeconds > 0 {
            factor *= random.gamma(shape: computeSeconds / interruptionSeconds, scale: interruptionSeconds) / computeSeconds
        }
        if stragglerProbability > 0 && random.uniform() < stragglerProbability { factor *= stragglerSlowdown }
        return factor
    }

    /// How many times `coefficientOfVariation` each block of a step of blocks of `blockComputeSeconds` takes
    /// (`factor`'s `stepShare`): the step's compute over the root sum of squares of its blocks', so that the independent
    /// draws of the blocks add up to the step's spread (1 for a step of one block or of no compute).
    static func stepSpreadShare(blockComputeSeconds: [Double]) -> Double {
        let squares = blockComputeSeconds.reduce(0) { $0 + $1 * $1 }
        return squares > 0 ? blockComputeSeconds.reduce(0, +) / squares.squareRoot() : 1
    }

    /// The compute-time factors of `devices` devices for the whole run, fastest first (all 1 without a device
    /// spread): the expected order statistics of a normal with the device spread (Blom's `(i - 3/8) / (n + 1/4)`
    /// quantiles, never below 0.1). Taking the expected order statistics rather than independent draws gives a run of
    /// a few devices the slowest device a run of them has on average, not one draw's.
    func sortedDeviceFactors(devices: Int) -> [Double] {
        guard deviceCoefficientOfVariation > 0, devices > 1 else { return Array(repeating: 1, count: devices) }
        let n = Double(devices)
        return (0..<devices).map { i in
            max(0.1, 1 + deviceCoefficientOfVariation * gsl_cdf_ugaussian_Pinv((Double(i + 1) - 0.375) / (n + 0.25)))
        }
    }

    /// `sortedDeviceFactors`, dealt to the devices in an order drawn from `random`.
    func deviceFactors(devices: Int, _ random: RandomStream) -> [Double] {
        let sorted = sortedDeviceFactors(devices: devices)
        return random.permutation(count: devices).map { sorted[$0] }
    }
}
