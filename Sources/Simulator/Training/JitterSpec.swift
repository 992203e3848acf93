import CGSL

/// Random variation of compute time: per-step jitter, occasional stragglers, and devices that are persistently
/// faster or slower than one another.
public struct JitterSpec: Sendable, Equatable {
    /// Standard deviation of the multiplicative per-step noise (0.02 = 2 %).
    public var coefficientOfVariation: Double
    /// Seconds of variance per second of compute: noise made of others' turns falling at random into a step (processes
    /// taking turns on a core, interruptions), whose count grows with the step's length, so that a step of `c`
    /// seconds of compute varies by `sqrt(interruptionSeconds * c)` seconds (standard deviation) on top of
    /// `coefficientOfVariation`: its spread relative to the step shrinks as the step grows, and steps split into
    /// blocks add their variances.
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

    /// Draws the compute-time factor (never below 0.1) of a block of `computeSeconds` of compute from `random`: a normal
    /// of relative spread `sqrt(coefficientOfVariation^2 + interruptionSeconds / computeSeconds)`.
    func factor(_ random: RandomStream, computeSeconds: Double) -> Double {
        var factor = 1.0
        let variance = coefficientOfVariation * coefficientOfVariation
            + (interruptionSeconds > 0 && computeSeconds > 0 ? interruptionSeconds / computeSeconds : 0)
        if variance > 0 { factor = max(0.1, 1 + random.gaussian(sigma: variance.squareRoot())) }
        if stragglerProbability > 0 && random.uniform() < stragglerProbability { factor *= stragglerSlowdown }
        return factor
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
