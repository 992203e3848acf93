import Simulator

extension TrainingResult.GrowthPhase {
    /// The phase as the reports name it: `512 px fade-in` or `512 px stable`.
    var label: String { "\(resolution) px \(fadingIn ? "fade-in" : "stable")" }
}
