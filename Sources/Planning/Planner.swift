import CostModel
import Workload
import Foundation
import Simulator

/// Searches cluster configurations for a training run and recommends the cheapest that meets the deadline and the fastest within the budget.
///
/// The search space is every cluster kind of the request (device in a server or pod type,
/// with its fabrics) × device counts 1, 2, 4, ... (whole servers beyond one) × batch per device and gradient
/// accumulation that keep the requested global batch × fp32 or the device's mixed
/// precision. Every configuration is estimated analytically; the contenders for each
/// recommendation and the best of every cluster kind are confirmed by the event
/// simulation, whose figures decide.
public struct Planner: Sendable {
    /// Evaluates the configurations.
    public var engine: SweepEngine
    /// Contenders per criterion confirmed by the event simulation.
    public var contenders = 8

    /// The axes of the search, in CSV column order.
    public static let axes = ["cluster", "devices", "fabric", "batch", "accumulation", "precision"]

    public init(engine: SweepEngine = SweepEngine()) { self.engine = engine }

    /// The base scenario of a request for the model named `modelName`: the model with its official recipe (no recipe
    /// section: the candidates set the batch split and precision), a one-device DGX A100 the candidates replace, the
    /// simulated iterations and the failures every candidate is held to.
    static func template(_ request: PlanRequest, modelName: String) throws -> ScenarioTemplate {
        var cluster = ScenarioInput.Cluster()
        cluster.topology = .dgxA100
        cluster.devices = 1
        var input = ScenarioInput()
        input.name = "plan-\(modelName)"
        input.model = ScenarioInput.Model(request.model)
        input.cluster = cluster
        input.simulate = ScenarioInput.Simulate(iterations: request.simulatedIterations)
        input.reliability = ScenarioInput.Reliability(request.reliability)
        return try ScenarioTemplate(input: input, defaultName: "plan-\(modelName)", profiles: request.profiles)
    }

    /// Every configuration of the search space.
    public static func candidates(_ request: PlanRequest) -> [PlanCandidate] {
        var out: [PlanCandidate] = []
        for family in request.families {
            for devices in deviceCounts(family, upTo: min(request.maximumDevices, request.globalBatch)) {
                let oneServer = family.devicesPerServer.map { devices <= $0 } ?? true
                let fabrics: [FabricKind?] = oneServer ? [nil] : family.fabrics
                for fabric in fabrics {
                    for precision in [Precision.fp32, family.mixedPrecision] {
                        var batch = 1
                        while devices * batch <= request.globalBatch {
                            defer { batch *= 2 }
                            guard request.globalBatch % (devices * batch) == 0 else { continue }
                            out.append(PlanCandidate(
                                family: family, devices: devices, fabric: fabric, batchPerDevice: batch,
                                accumulation: request.globalBatch / (devices * batch), precision: precision))
                        }
                    }
                }
            }
        }
        return out
    }

    /// The sweep points of `candidates` (the search space by default): the fields each sets, the run's length among them.
    public static func points(_ request: PlanRequest, candidates: [PlanCandidate]? = nil) -> [SweepPoint] {
        var length = request.length.section
        length.datasetSamples = request.datasetSamples
        return (candidates ?? Self.candidates(request)).map { $0.point(length: length) }
    }

    /// The device counts searched for `family`, up to `limit`: powers of two within one server (and the whole server),
    /// beyond it whole servers times a power of two (8-GPU servers: 16, 32, ...; NVL72 racks: 72, 144, ...); TPU pods:
    /// powers of two up to the generation's largest slice.
    static func deviceCounts(_ family: ClusterFamily, upTo limit: Int) -> [Int] {
        var counts: [Int] = []
        if let perServer = family.devicesPerServer {
            var n = 1
            while n < perServer && n <= limit {
                counts.append(n)
                n *= 2
            }
            n = perServer
            while n <= limit {
                counts.append(n)
                n *= 2
            }
        } else {
            let largest = family.topology.tpu?.maximumChips ?? limit
            var n = 1
            while n <= min(limit, largest) {
                counts.append(n)
                n *= 2
            }
        }
        return counts
    }

    /// Runs the search; returns the plan and the sweep behind it (for the CSV and report).
    public func plan(
        _ request: PlanRequest, progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }
    ) throws -> (plan: PlanResult, sweep: SweepResult) {
        guard request.globalBatch >= 1 else { throw SweepError("--global-batch \(request.globalBatch): must be at least 1") }
        guard request.maximumDevices >= 1, request.maximumDevices <= TopologySpec.maximumDevices else {
            throw SweepError("--max-devices \(request.maximumDevices): must be from 1 to \(TopologySpec.maximumDevices), the largest cluster gansim simulates")
        }
        // Batch per device times devices: within the limits of both, the search's products cannot overflow.
        let largestBatch = TopologySpec.maximumDevices * WorkloadLimits.maximumBatch
        guard request.globalBatch <= largestBatch else {
            throw SweepError("--global-batch \(request.globalBatch): must be at most \(largestBatch) (\(TopologySpec.maximumDevices) devices of \(WorkloadLimits.maximumBatch) samples)")
        }
        if let d = request.deadlineSeconds, !(d > 0) { throw SweepError("--deadline: must be a positive duration") }
        if let b = request.budgetUSD, !(b > 0) { throw SweepError("--budget: must be a positive amount") }
        let model: GANModel
        do { model = try request.model.build() } catch { throw SweepError("model: \(error)") }
        let template = try Self.template(request, modelName: model.name)
        var candidates = Self.candidates(request)
        let grows = !model.phases.isEmpty
        if grows {
            // A growing model trains each phase at the official minibatch per resolution, whatever the batch split:
            // one split per device count, and the length in images.
            if case .iterations(let n) = request.length {
                throw SweepError("--train \(n) iterations: \(model.name) grows progressively and counts images; give kimg=N or epochs=N")
            }
            candidates = candidates.filter { $0.accumulation == 1 }
        }
        let points = Self.points(request, candidates: candidates)
        var outcomes = engine.analytic(template: template, points: points) { progress("analytic", $0, $1) }
        let chosen = confirmationSet(outcomes, candidates: candidates, request: request)
        let confirmed = engine.simulate(template: template, points: chosen.map { points[$0] }) { progress("event simulation", $0, $1) }
        for (i, r) in zip(chosen, confirmed) { outcomes[i].confirmed = r }
        let sweep = SweepResult(name: template.name, axes: Self.axes, outcomes: outcomes,
                                pareto: SweepEngine.paretoFront(outcomes), confirmedIndices: chosen)
        return (decide(sweep, candidates: candidates, request: request, model: model.name, grows: grows), sweep)
    }

    /// Points worth the event simulation: near-feasible cheapest and fastest, and the best of each family.
    func confirmationSet(_ outcomes: [SweepOutcome], candidates: [PlanCandidate], request: PlanRequest) -> [Int] {
        let fitting = outcomes.filter { $0.status == .ok }
        let slack = 1.15  // the estimate may be optimistic by this much and still be a contender
        // Nothing is confirmed yet, so `time` and `cost` are the analytic figures.
        func onTime(_ o: SweepOutcome) -> Bool { request.deadlineSeconds.map { time(o) <= $0 * slack } ?? true }
        let affordable = fitting.filter { o in request.budgetUSD.map { cost(o) <= $0 * slack } ?? true }
        var chosen = Set(fitting.filter(onTime).ranked(by: cost).prefix(contenders).map(\.index))
        chosen.formUnion(affordable.ranked(by: time).prefix(contenders).map(\.index))
        for family in request.families {
            let mine = fitting.filter { candidates[$0.index].family == family }
            if let best = mine.filter(onTime).least(by: cost) { chosen.insert(best.index) }
            if let fastest = mine.least(by: time) { chosen.insert(fastest.index) }
        }
        return chosen.sorted()
    }

    /// A point as a plan choice, with its best figures.
    static func choice(_ o: SweepOutcome, _ c: PlanCandidate) -> PlanChoice {
        let r = o.best!
        return PlanChoice(
            family: c.family.label, devices: c.devices, fabric: c.fabric?.rawValue ?? "-", batchPerDevice: c.batchPerDevice,
            accumulation: c.accumulation, precision: c.precision.rawValue, trainingSeconds: r.expectedWallSeconds,
            trainingSecondsInterval: r.expectedWallSecondsInterval, usefulSeconds: r.training.wallSeconds,
            goodput: r.goodput, costUSD: r.expectedTotalUSD, energyKWh: r.expectedTotalKWh, peakBytesPerDevice: r.memory.peakBytesPerDevice,
            capacityBytesPerDevice: r.memory.capacityBytesPerDevice, scalingEfficiency: r.scalingEfficiency,
            confirmed: o.confirmed != nil)
    }

    /// Picks the recommendations among confirmed points and explains every other cluster kind.
    func decide(_ sweep: SweepResult, candidates: [PlanCandidate], request: PlanRequest, model: String, grows: Bool) -> PlanResult {
        func choice(_ o: SweepOutcome) -> PlanChoice { Self.choice(o, candidates[o.index]) }
        let confirmed = sweep.confirmedIndices.map { sweep.outcomes[$0] }.filter { $0.confirmed != nil && $0.status == .ok }
        let deadline = request.deadlineSeconds, budget = request.budgetUSD
        let cheapest = confirmed.filter { o in deadline.map { time(o) <= $0 } ?? true }.least(by: cost)
        let fastest = confirmed.filter { o in budget.map { cost(o) <= $0 } ?? true }.least(by: time)
        var notes: [String] = []
        let fitting = sweep.outcomes.filter { $0.status == .ok }
        if cheapest == nil, let deadline {
            let best = fitting.least(by: time)
            notes.append("no configuration meets the deadline of \(Self.duration(deadline))"
                + (best.map { "; the fastest takes \(Self.duration(time($0))) (\(choice($0).summary))" } ?? ""))
        }
        if fastest == nil, let budget {
            let best = fitting.least(by: cost)
            notes.append(String(format: "no configuration fits the budget of $%.0f", budget)
                + (best.map { String(format: "; the cheapest costs $%.0f (%@)", cost($0), choice($0).summary) } ?? ""))
        }
        if fitting.isEmpty { notes.append("no configuration fits in memory") }
        if let note = Self.calibrationNote(request) { notes.append(note) }
        if grows {
            notes.append("\(request.model.architecture.rawValue) grows progressively: every phase trains at the official minibatch of its resolution over the devices; --global-batch only sets the split searched")
        }
        let winner = cheapest ?? fastest
        var runnersUp: [RunnerUp] = []
        for family in request.families where family != winner.map({ candidates[$0.index].family }) {
            runnersUp.append(explain(family: family, candidates: candidates, sweep: sweep, winner: winner, request: request))
        }
        let iterations = sweep.outcomes.first { $0.analytic != nil }?.analytic?.training.iterations ?? 0
        return PlanResult(
            model: model, iterations: iterations, globalBatch: request.globalBatch,
            deadlineSeconds: deadline, budgetUSD: budget, cheapestMeetingDeadline: cheapest.map(choice),
            fastestWithinBudget: fastest.map(choice), notes: notes, runnersUp: runnersUp, searched: sweep.summary.points,
            fitting: sweep.summary.ok, outOfMemory: sweep.summary.outOfMemory, confirmed: confirmed.count)
    }

    /// Which searched devices are validated for the model and which are priors, when they differ: a prior (the
    /// roofline alone) can look faster than a calibrated device only because it leaves the host out.
    static func calibrationNote(_ request: PlanRequest) -> String? {
        let recipe = TrainingRecipe.official(for: request.model.architecture, batchPerDevice: 1)
        var validated: [String] = [], transferred: [String] = [], priors: [String] = []
        for name in request.families.map(\.device) where !(validated + transferred + priors).contains(name) {
            guard let profile = try? request.profiles.profile(named: name) else { continue }
            if let error = profile.validatedError(for: request.model.architecture, recipe: recipe) {
                if error.transferredFrom == nil { validated.append(name) } else { transferred.append(name) }
            } else {
                priors.append(name)
            }
        }
        guard !validated.isEmpty || !transferred.isEmpty, !priors.isEmpty || !transferred.isEmpty else { return nil }
        func list(_ names: [String], _ one: String, _ many: String) -> String? {
            names.isEmpty ? nil : "\(names.joined(separator: ", ")) \(names.count == 1 ? one : many)"
        }
        let parts = [list(validated, "is validated", "are validated"), list(transferred, "is transferred (wider range)", "are transferred (wider ranges)"),
                     list(priors, "is a prior", "are priors")].compactMap { $0 }
        return "for \(request.model.architecture.rawValue): " + parts.joined(separator: "; ")
            + (priors.isEmpty ? "" : " (roofline, no host time per kernel: their times are likely optimistic)")
    }

    /// Why a cluster kind lost to `winner`.
    func explain(family: ClusterFamily, candidates: [PlanCandidate], sweep: SweepResult, winner: SweepOutcome?, request: PlanRequest) -> RunnerUp {
        func choice(_ o: SweepOutcome) -> PlanChoice { Self.choice(o, candidates[o.index]) }
        let mine = sweep.outcomes.filter { candidates[$0.index].family == family }
        let fitting = mine.filter { $0.status == .ok }
        guard !fitting.isEmpty else {
            if let smallest = mine.filter({ $0.status == .outOfMemory }).min(by: { $0.analytic!.memory.peakBytesPerDevice < $1.analytic!.memory.peakBytesPerDevice }) {
                let m = smallest.analytic!.memory
                return RunnerUp(family: family.label, best: nil, reason: String(
                    format: "out of memory: even batch %@ needs %.1f GiB per device, which has %.1f GiB", String(candidates[smallest.index].batchPerDevice),
                    Double(m.peakBytesPerDevice) / 1_073_741_824, Double(m.capacityBytesPerDevice) / 1_073_741_824))
            }
            return RunnerUp(family: family.label, best: nil, reason: "no valid cluster of this kind in the search: \(mine.first?.reason ?? "none generated")")
        }
        let fastest = fitting.least(by: time)!
        let scaling = fastest.best!.scalingEfficiency < 0.5
            ? String(format: "; poor scaling: efficiency falls to %.0f%% at %@ devices", fastest.best!.scalingEfficiency * 100, String(candidates[fastest.index].devices)) : ""
        if let deadline = request.deadlineSeconds, time(fastest) > deadline {
            return RunnerUp(family: family.label, best: choice(fastest), reason:
                "misses the deadline: its fastest configuration takes \(Self.duration(time(fastest)))\(scaling)")
        }
        let onTime = fitting.filter { o in request.deadlineSeconds.map { time(o) <= $0 } ?? true }
        let cheapest = onTime.least(by: cost)!
        if let budget = request.budgetUSD, cost(cheapest) > budget {
            return RunnerUp(family: family.label, best: choice(cheapest), reason: String(
                format: "over budget: its cheapest configuration%@ costs $%.0f", request.deadlineSeconds == nil ? "" : " that meets the deadline", cost(cheapest)))
        }
        guard let winner else { return RunnerUp(family: family.label, best: choice(cheapest), reason: "not confirmed") }
        let extra = cost(cheapest) / cost(winner) - 1
        let slower = time(cheapest) / time(winner)
        return RunnerUp(family: family.label, best: choice(cheapest), reason: String(
            format: "dearer: $%.0f (%+.0f%%) for %@ (%.2fx the recommended time)%@", cost(cheapest), extra * 100,
            Self.duration(time(cheapest)), slower, scaling))
    }

    /// Expected wall time with failures by the best figures (event simulation when confirmed).
    func time(_ o: SweepOutcome) -> Double { o.best!.expectedWallSeconds }

    /// Expected cost with failures by the best figures.
    func cost(_ o: SweepOutcome) -> Double { o.best!.expectedTotalUSD }

    /// A duration in hours or days.
    static func duration(_ seconds: Double) -> String {
        seconds >= 2 * 86400 ? String(format: "%.1f days", seconds / 86400) : String(format: "%.1f h", seconds / 3600)
    }
}
