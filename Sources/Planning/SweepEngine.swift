import Foundation
import Simulator

/// Evaluates sweep points in two stages: the analytic estimator everywhere, the event simulation on the Pareto front and top candidates.
public struct SweepEngine: Sendable {
    /// Worker threads (all cores by default).
    public var threads: Int
    /// Fastest and cheapest fitting points confirmed besides the Pareto front.
    public var confirmTop: Int = 5
    /// At most this many points are confirmed (the front is thinned evenly beyond it).
    public var confirmLimit: Int = 40
    /// Iterations simulated per point in both stages (nil: the scenario's `simulate.iterations`).
    public var iterations: Int?

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, iterations: Int? = nil) {
        self.threads = max(1, threads)
        self.iterations = iterations
    }

    /// Runs both stages. `progress(stage, done, total)` reports as points finish.
    ///
    /// With a `shard` (one of several processes, e.g. MPI ranks), this process evaluates
    /// every `shard.size`-th point from `shard.rank` in each stage and the shards exchange
    /// their outcomes, so every process returns the same result a single process would.
    public func run(
        template: ScenarioTemplate, axes: [String], points: [SweepPoint], shard: SweepShard? = nil,
        progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }
    ) throws -> SweepResult {
        let all = Array(points.indices)
        let mine = shard?.share(of: all) ?? all
        var outcomes = analytic(template: template, points: mine.map { points[$0] }) { progress("analytic", $0, $1) }
        for k in outcomes.indices { outcomes[k].index = mine[k] }
        if let shard { outcomes = try shard.exchange(outcomes).sorted { $0.index < $1.index } }
        let pareto = Self.paretoFront(outcomes)
        let chosen = candidates(outcomes, pareto: pareto)
        let myChosen = shard?.share(of: chosen) ?? chosen
        let results = simulate(template: template, points: myChosen.map { points[$0] }) { progress("event simulation", $0, $1) }
        var confirmed = zip(myChosen, results).map { ConfirmedPoint(index: $0, result: $1) }
        if let shard { confirmed = try shard.exchange(confirmed) }
        for c in confirmed { outcomes[c.index].confirmed = c.result }
        return SweepResult(name: template.name, axes: axes, outcomes: outcomes, pareto: pareto, confirmedIndices: chosen)
    }

    /// An event-simulated point, as exchanged between shards.
    struct ConfirmedPoint: Codable {
        var index: Int
        var result: TrainingResult?
    }

    /// Stage one: the analytic estimate of every point, in parallel.
    public func analytic(
        template: ScenarioTemplate, points: [SweepPoint], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) -> [SweepOutcome] {
        evaluate(template: template, points: points, progress: progress) { index, scenario, cache in
            var outcome = SweepOutcome(index: index, labels: points[index].labels, status: .invalid)
            do {
                let scenario = try scenario()
                outcome.analytic = try scenario.estimate(cache: cache)
                outcome.status = scenario.fitsInMemory ? .ok : .outOfMemory
            } catch {
                outcome.reason = "\(error)"
            }
            return outcome
        }
    }

    /// Stage two: the event simulation of `points`, in parallel (nil where it fails).
    public func simulate(
        template: ScenarioTemplate, points: [SweepPoint], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) -> [TrainingResult?] {
        evaluate(template: template, points: points, progress: progress) { _, scenario, _ in try? scenario().simulate() }
    }

    /// Runs `body` for every point on the worker threads; each worker keeps its own cache. `body` gets the point's
    /// index, a function that builds its scenario (the base input with the point's typed assignments applied), and the
    /// worker's cache.
    private func evaluate<Result: Sendable>(
        template: ScenarioTemplate, points: [SweepPoint], progress: @escaping @Sendable (Int, Int) -> Void,
        body: @escaping @Sendable (Int, () throws -> TrainingScenario, ScenarioCache) -> Result
    ) -> [Result] {
        var simulate = ScenarioInput()
        simulate.simulate = iterations.map(ScenarioInput.Simulate.init(iterations:))
        let extra = iterations == nil ? [] : [ScenarioAssignment(simulate)]
        let timers = CollectiveTimerStore()
        return ParallelWork.map(
            count: points.count, threads: threads,
            makeState: { ScenarioCache(timers: timers) },
            body: { cache, index in
                body(index, { try template.scenario(points[index].assignments + extra, cache: cache) }, cache)
            }, progress: progress)
    }

    /// The analytic Pareto front of the points that fit, by whole-run expected time and cost with failures.
    public static func paretoFront(_ outcomes: [SweepOutcome]) -> [Int] {
        let fitting = outcomes.filter { $0.status == .ok && $0.analytic != nil }
        let front = ParetoFront.indices(fitting.map { ($0.analytic!.expectedWallSeconds, $0.analytic!.expectedTotalUSD) })
        return front.map { fitting[$0].index }
    }

    /// The points to confirm: the front plus the fastest and cheapest fitting points, at most `confirmLimit`, in index order.
    func candidates(_ outcomes: [SweepOutcome], pareto: [Int]) -> [Int] {
        let fitting = outcomes.filter { $0.status == .ok && $0.analytic != nil }
        let fastest = fitting.ranked { $0.analytic!.expectedWallSeconds }
        let cheapest = fitting.ranked { $0.analytic!.expectedTotalUSD }
        var chosen = Set(fastest.prefix(confirmTop).map(\.index)).union(cheapest.prefix(confirmTop).map(\.index))
        let room = max(0, confirmLimit - chosen.count)
        let front = pareto.filter { !chosen.contains($0) }
        if front.count <= room {
            chosen.formUnion(front)
        } else if room > 0 {
            for k in 0..<room { chosen.insert(front[k * front.count / room]) }
        }
        return chosen.sorted()
    }
}
