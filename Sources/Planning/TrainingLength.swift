import Simulator

/// How long the planned training is: iterations, thousands of real images, or epochs of a dataset.
public enum TrainingLength: Sendable, Equatable, Codable {
    case iterations(Int)
    case kimg(Double)
    case epochs(Double)

    /// Parses `iterations=N`, `kimg=N` or `epochs=N`.
    public static func parse(_ text: String) throws -> TrainingLength {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let hint = "expected iterations=N, kimg=N or epochs=N"
        guard parts.count == 2, let value = Double(parts[1]), value > 0, value.isFinite else {
            throw SweepError("--train '\(text)': \(hint) with a positive N")
        }
        switch parts[0] {
        case "iterations":
            guard let n = Int(parts[1]) else { throw SweepError("--train '\(text)': iterations must be a whole number") }
            return .iterations(n)
        case "kimg": return .kimg(value)
        case "epochs": return .epochs(value)
        default: throw SweepError("--train '\(text)': unknown unit '\(parts[0])'; \(hint)")
        }
    }

    /// The scenario's `training` section that expresses it.
    var section: ScenarioInput.Training {
        var section = ScenarioInput.Training()
        switch self {
        case .iterations(let n): section.iterations = n
        case .kimg(let k): section.kimg = k
        case .epochs(let e): section.epochs = e
        }
        return section
    }
}
