import Workload

/// How far a profile's predictions were off on runs it was not fitted to: the error bars of every time it prices.
///
/// Errors are `predicted / measured - 1` from a leave-one-out validation (`gansim calibrate --runs`); a prediction
/// `p` then stands for a measured time in `[p / (1 + highestError), p / (1 + lowestError)]`.
public struct ValidatedError: Sendable, Hashable, Codable {
    /// What was validated, e.g. `leave-one-out over 16 published runs (stylegan2-ada-pytorch-v100.csv)`.
    public var basis: String
    /// Runs validated.
    public var runs: Int
    /// Mean absolute error.
    public var meanAbsoluteError: Double
    /// The most negative error (the prediction furthest below the measurement).
    public var lowestError: Double
    /// The most positive error.
    public var highestError: Double
    /// The profile the errors were validated on, when this profile's model was transferred from it (nil: validated here).
    public var transferredFrom: String?

    public init(basis: String, errors: [Double]) {
        self.basis = basis
        runs = errors.count
        meanAbsoluteError = errors.map(abs).reduce(0, +) / Double(max(1, errors.count))
        lowestError = errors.min() ?? 0
        highestError = errors.max() ?? 0
    }

    /// A validation's figures as recorded (the catalog's calibrated profiles).
    public init(basis: String, runs: Int, meanAbsoluteError: Double, lowestError: Double, highestError: Double) {
        self.basis = basis
        self.runs = runs
        self.meanAbsoluteError = meanAbsoluteError
        self.lowestError = lowestError
        self.highestError = highestError
    }

    /// The errors of this validation carried over to another device: the basis says so, and both ends widen by the
    /// relative `uncertainty` of the transfer.
    public func transferred(to device: String, from source: String, uncertainty: Double) -> ValidatedError {
        var copy = self
        copy.basis = "transferred from \(source) (\(basis)), widened by \(Int((uncertainty * 100).rounded()))% for the transfer"
        copy.lowestError = (1 + lowestError) * (1 - uncertainty) - 1
        copy.highestError = (1 + highestError) * (1 + uncertainty) - 1
        copy.meanAbsoluteError = meanAbsoluteError + uncertainty
        copy.transferredFrom = source
        return copy
    }

    /// The measured seconds a prediction of `seconds` stands for, lowest first.
    public func interval(seconds: Double) -> [Double] {
        [seconds / (1 + max(highestError, 0)), seconds / (1 + min(lowestError, 0))]
    }
}
