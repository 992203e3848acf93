/// The validated range of a result's times, as charts draw it: the whole run's, and what the error bars mean.
extension TrainingResult {
    /// The measured wall seconds of the whole run `training.wallSeconds` stands for, lowest first: the run's time
    /// scaled by the validated range of an iteration relative to the predicted iteration (nil: the profile is not
    /// validated).
    ///
    /// Invariant: two values that bracket `training.wallSeconds`, exactly when `iterationSecondsInterval` is not nil.
    public var trainingSecondsInterval: [Double]? {
        guard iterationSeconds > 0 else { return nil }
        return iterationSecondsInterval.map { range in range.map { $0 / iterationSeconds * training.wallSeconds } }
    }

    /// The caption of error bars drawn from the validated ranges of `results`, e.g.
    /// `bars: validated range (v100-32gb: leave-one-out over 16 runs of ...)`: each device profile with a range and
    /// what its range rests on (its own leave-one-out validation, or one transferred from another device or
    /// implementation), each named once in the order of `results`; nil when none has one (a chart without error bars
    /// needs no caption).
    public static func validatedRangeCaption(_ results: [TrainingResult]) -> String? {
        var entries: [String] = []
        for result in results where result.iterationSecondsInterval != nil {
            let entry = result.iterationSecondsBasis.map { "\(result.device): \($0)" } ?? result.device
            if !entries.contains(entry) { entries.append(entry) }
        }
        guard !entries.isEmpty else { return nil }
        return "bars: validated range (\(entries.joined(separator: "; ")))"
    }
}
