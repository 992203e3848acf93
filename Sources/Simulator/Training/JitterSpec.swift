/// Random variation of compute time: per-step jitter and occasional stragglers.
public struct JitterSpec: Sendable, Equatable {
    /// Standard deviation of the multiplicative per-step noise (0.02 = 2 %).
    public var coefficientOfVariation: Double
    /// Probability that a device straggles in a given step.
    public var stragglerProbability: Double
    /// Compute-time multiplier of a straggling step.
    public var stragglerSlowdown: Double

    /// Creates a jitter description; the default is no jitter.
    public init(coefficientOfVariation: Double = 0, stragglerProbability: Double = 0, stragglerSlowdown: Double = 1) {
        self.coefficientOfVariation = coefficientOfVariation
        self.stragglerProbability = stragglerProbability
        self.stragglerSlowdown = stragglerSlowdown
    }

    /// Draws one step's compute-time factor (never below 0.1) from `random`.
    func factor(_ random: RandomStream) -> Double {
        var factor = 1.0
        if coefficientOfVariation > 0 { factor = max(0.1, 1 + random.gaussian(sigma: coefficientOfVariation)) }
        if stragglerProbability > 0 && random.uniform() < stragglerProbability { factor *= stragglerSlowdown }
        return factor
    }
}
