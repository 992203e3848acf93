/// The entry points the fuzzer feeds, each with its share of the cases.
public enum FuzzEntry: String, CaseIterable, Sendable {
    /// Scenario YAML: a valid scenario with fields mutated, parsed, estimated and (when small) simulated.
    case scenario
    /// Command lines of every command, parsed and run in-process (long-running commands up to their checks).
    case flags
    /// Op timings (JSON lines or CSV) read by `calibrate --measurements` and fitted.
    case opTimings
    /// Measured whole steps (JSON lines) read by `validate --measurements` and predicted.
    case measuredSteps
    /// Published whole-run timings (CSV) read by `validate --runs` and predicted.
    case publishedRuns
    /// Device profile JSON read by `--profile` and priced.
    case profile
    /// A folder of PNG files read by `train --dataset`.
    case pngFolder
    /// An MNIST-format IDX file read by `train --dataset`.
    case idx

    /// Cases out of every 100 given to this entry point: the cheap parsers get most, file-system ones fewer.
    var weight: Int {
        switch self {
        case .scenario: 30
        case .flags: 24
        case .opTimings: 10
        case .measuredSteps: 8
        case .publishedRuns: 10
        case .profile: 8
        case .pngFolder: 4
        case .idx: 6
        }
    }

    /// The entry point of a case, drawn by weight.
    static func draw(_ random: inout FuzzRandom) -> FuzzEntry {
        var roll = random.below(100)
        for entry in allCases {
            if roll < entry.weight { return entry }
            roll -= entry.weight
        }
        return .scenario
    }
}
