/// The validated range of a result's times, as charts draw it: the whole run's, and what the error bars mean.
extension TrainingResult {
    /// The measured wall seconds of the whole run `training.wallSeconds` stands for, lowest first: the validated range
    /// of an iteration times the run's iterations (nil: the profile is not validated).
    ///
    /// Invariant: two values that bracket `training.wallSeconds`, exactly when `iterationSecondsInterval` is not nil.
    public var trainingSecondsInterval: [Double]? {
        iterationSecondsInterval.map { range in range.map { $0 * Double(training.iterations) } }
    }

    /// The caption of error bars drawn from the validated ranges of `results`, e.g.
    /// `bars: validated range (leave-one-out error of v100-32gb)`: the device profiles of the results that have a range,
    /// each named once in the order of `results`; nil when none has one (a chart without error bars needs no caption).
    public static func validatedRangeCaption(_ results: [TrainingResult]) -> String? {
        var profiles: [String] = []
        for result in results where result.iterationSecondsInterval != nil && !profiles.contains(result.device) {
            profiles.append(result.device)
        }
        guard !profiles.isEmpty else { return nil }
        return "bars: validated range (leave-one-out error of \(profiles.joined(separator: ", ")))"
    }
}
