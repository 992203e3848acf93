import CostModel
import Workload

/// Measures a plan in interleaved rounds and keeps each configuration's fastest run.
///
/// On a shared machine the speed drifts, in slow and fast stretches lasting seconds to
/// minutes (docs/cpu-model.md). Running every configuration once per round, round after
/// round, spreads each configuration's runs across the whole measurement, so that each
/// configuration gets a chance at a fast stretch, and the fastest run is kept
/// (`MeasuredRun.fastest`).
public enum InterleavedRounds {
    /// Runs each configuration of `plan` `rounds` times (round by round) and returns the
    /// fastest run of each, in plan order; `progress(i, n, label)` counts runs.
    public static func measure(
        _ plan: [RunConfiguration], rounds: Int, measure: (RunConfiguration) throws -> MeasuredRun,
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> [MeasuredRun] {
        precondition(rounds >= 1, "rounds must be at least 1")
        var runs = [[MeasuredRun]](repeating: [], count: plan.count)
        let total = plan.count * rounds
        for round in 0..<rounds {
            for (i, config) in plan.enumerated() {
                let done = round * plan.count + i
                progress?(done, total, rounds > 1 ? "\(config.label) (round \(round + 1)/\(rounds))" : config.label)
                runs[i].append(try measure(config))
            }
        }
        return runs.map(MeasuredRun.fastest(of:))
    }
}
