import Foundation
import Planning
import Reports
import Simulator

/// What `gansim sweep` prints and writes: the terminal summary, and the report page with scaling curves, the
/// time-versus-cost Pareto front, energy, and where the two stages disagree.
///
/// Where a point's profile is validated, the time-versus-cost chart draws the point's validated range of training time
/// as an error bar on the time axis, captioned with the profiles it comes from, and the Pareto table (the one both
/// the terminal and the page show, `SweepParetoTable`) lists the range; a sweep with no validated point shows none
/// of it.
public struct SweepReport {
    /// The sweep described.
    public var result: SweepResult
    /// Curves drawn per chart; the rest are in the CSV.
    public var maximumSeries = 8

    /// The report of `result`.
    public init(result: SweepResult) { self.result = result }

    /// The files of `sweep --out`: `csvName` (every point), result.json and report.html.
    public func files(csvName: String = "sweep.csv") throws -> [(String, Data)] {
        [(csvName, Data(result.csv.utf8)), ("result.json", Data(try JSONOutput.string(result).utf8)), ("report.html", Data(html.utf8))]
    }

    /// The terminal summary: counts, agreement of the two stages, and the Pareto front.
    public var text: String {
        let s = result.summary
        return [
            "\(result.name): \(s.points) points (\(s.ok) fit, \(s.outOfMemory) out of memory, \(s.invalid) invalid); "
                + "\(s.confirmed) confirmed by event simulation, gap \(String(format: "%.1f%%", s.meanAbsoluteDisagreement * 100)) "
                + "mean, \(String(format: "%.1f%%", s.maxAbsoluteDisagreement * 100)) max",
            "", "Pareto front (expected training time against cost, with failures and checkpoints):",
            SweepParetoTable(result).text,
        ].joined(separator: "\n")
    }

    /// Index of the axis that varies the device count, if any.
    var devicesAxis: Int? { result.axes.firstIndex { (try? SweepField.path(for: $0)) == ["cluster", "devices"] } }

    /// Fitting points grouped by every axis but devices, each group sorted by devices; the groups with the highest peak throughput first.
    func scalingSeries(devicesAxis d: Int) -> [(name: String, points: [SweepOutcome])] {
        var groups: [String: [SweepOutcome]] = [:]
        var order: [String] = []
        for o in result.outcomes where o.status == .ok {
            let key = o.labels.enumerated().filter { $0.offset != d }.map { "\(result.axes[$0.offset])=\($0.element)" }
                .joined(separator: ", ")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(o)
        }
        let series = order.map { key in
            (name: key.isEmpty ? "all" : key, points: groups[key]!.sorted { Double($0.labels[d]) ?? 0 < Double($1.labels[d]) ?? 0 })
        }
        return series.sorted { a, b in
            (a.points.map { $0.best!.samplesPerSecond }.max() ?? 0) > (b.points.map { $0.best!.samplesPerSecond }.max() ?? 0)
        }
    }

    /// A point's axis values, e.g. `devices=64, device=a100-80gb`.
    func describe(_ o: SweepOutcome) -> String {
        zip(result.axes, o.labels).map { "\($0)=\($1)" }.joined(separator: ", ")
    }

    /// The report page.
    public var html: String {
        let s = result.summary
        var page = HTMLPage(title: "Sweep: \(result.name)")
        page.section("Summary", """
            <p>\(s.points) points over \(result.axes.joined(separator: " × ")): \(s.ok) fit in memory, \(s.outOfMemory) do not \
            (shown as crosses, never recommended), \(s.invalid) are not valid clusters. Every point was estimated analytically \
            (congestion-free, no jitter); \(s.confirmed) points — the Pareto front and the fastest and cheapest — were confirmed by \
            the event simulation, which differs from the estimate by \(String(format: "%.1f%%", s.meanAbsoluteDisagreement * 100)) \
            on average and \(String(format: "%.1f%%", s.maxAbsoluteDisagreement * 100)) at most.</p>
            """)
        if let d = devicesAxis {
            let all = scalingSeries(devicesAxis: d)
            let shown = Array(all.prefix(maximumSeries))
            let note = all.count > shown.count ? "<p class=\"note\">The \(shown.count) series with the highest throughput of \(all.count); every point is in sweep.csv.</p>" : ""
            func chart(_ title: String, _ yLabel: String, yLog: Bool, _ value: (TrainingResult) -> Double, _ format: @escaping (Double) -> String) -> String {
                Charts.lines(
                    title: title,
                    series: shown.map { ChartSeries(name: $0.name, points: $0.points.map { (Double($0.labels[d]) ?? 0, value($0.best!)) }) },
                    xLabel: "devices", yLabel: yLabel, xLog: true, yLog: yLog, xFormat: { String(Int($0)) }, yFormat: format)
            }
            page.section("Scaling", chart("Throughput", "generated samples/s", yLog: true, \.samplesPerSecond) { Units.count($0) }
                + chart("Scaling efficiency (weak scaling, 1 = perfect)", "efficiency", yLog: false, \.scalingEfficiency) { String(format: "%.2f", $0) }
                + note)
            page.section("Energy", chart("Energy of the whole run", "facility kWh", yLog: true, \.energy.totalKWh) { Units.count($0) } + note)
        } else {
            let fitting = result.outcomes.filter { $0.status == .ok }
            page.section("Energy", Charts.scatter(
                title: "Energy against training time",
                groups: [ScatterGroup(name: "fits", points: fitting.map { ($0.best!.training.wallHours, $0.best!.energy.totalKWh) },
                                      labels: fitting.map(describe))],
                xLabel: "expected training time with failures (h)", yLabel: "facility kWh", xLog: true, yLog: true,
                xFormat: { Units.count($0) }, yFormat: { Units.count($0) }))
        }
        page.section("Time against cost", paretoChart + paretoCaption + paretoTable)
        page.section("Analytic estimate against event simulation", disagreementTable)
        page.section("Out of memory", outOfMemoryTable)
        if s.invalid > 0 {
            var reasons: [String: Int] = [:]
            for o in result.outcomes where o.status == .invalid { reasons[o.reason ?? "", default: 0] += 1 }
            page.section("Invalid combinations", HTMLPage.table(["reason", "points"], reasons.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] }))
        }
        return page.render()
    }

    /// The results the time-versus-cost chart draws with their validated range: the analytic estimates of the points
    /// that fit (front or not) and the event simulations; out-of-memory points cannot run, so they get none.
    private var rangedResults: [TrainingResult] {
        result.outcomes.compactMap { $0.status == .ok ? $0.analytic : nil }
            + result.confirmedIndices.compactMap { result.outcomes[$0].confirmed }
    }

    private var paretoChart: String {
        let front = result.pareto.map { result.outcomes[$0] }
        let fitting = result.outcomes.filter { $0.status == .ok && !result.isPareto($0.index) }
        let oom = result.outcomes.filter { $0.status == .outOfMemory }
        func points(_ list: [SweepOutcome], _ r: (SweepOutcome) -> TrainingResult?) -> [(x: Double, y: Double)] {
            list.compactMap { r($0).map { ($0.expectedWallSeconds / 3600, $0.expectedTotalUSD) } }
        }
        // The validated range of each point's expected training time, in hours like the axis.
        func hours(_ list: [SweepOutcome], _ r: (SweepOutcome) -> TrainingResult?) -> [ErrorBounds?] {
            list.compactMap(r).map { ErrorBounds($0.expectedWallSecondsInterval?.map { $0 / 3600 }) }
        }
        let confirmed = result.confirmedIndices.map { result.outcomes[$0] }.filter { $0.confirmed != nil }
        return Charts.scatter(
            title: "Training time against cost",
            groups: [
                ScatterGroup(name: "fits", points: points(fitting, \.analytic), labels: fitting.map(describe), radius: 2, color: "#9aa5b1",
                             xBounds: hours(fitting, \.analytic)),
                ScatterGroup(name: "out of memory", points: points(oom, \.analytic), labels: oom.map { describe($0) + " (out of memory)" },
                             marker: .cross, radius: 3, color: "#e15759"),
                ScatterGroup(name: "Pareto front", points: points(front, \.analytic), labels: front.map(describe), radius: 4,
                             color: "#f28e2b", connect: true, xBounds: hours(front, \.analytic)),
                ScatterGroup(name: "event simulation", points: points(confirmed, \.confirmed),
                             labels: confirmed.map { describe($0) + " (event simulation)" }, radius: 2.5, color: "#4e79a7",
                             xBounds: hours(confirmed, \.confirmed)),
            ],
            xLabel: "training time (h)", yLabel: "cost (USD)", xLog: true, yLog: true,
            xFormat: { Units.count($0) }, yFormat: { "$" + Units.count($0) })
    }

    /// What the chart's error bars mean, as a note; empty when it draws none.
    private var paretoCaption: String {
        TrainingResult.validatedRangeCaption(rangedResults).map { "<p class=\"note\">\(SVGCanvas.escape($0))</p>" } ?? ""
    }

    /// The Pareto front's table, introduced.
    private var paretoTable: String {
        "<p>The Pareto front (analytic, with failures and checkpoints): no other point that fits is both faster and cheaper.</p>"
            + SweepParetoTable(result).html
    }

    private var disagreementTable: String {
        let confirmed = result.confirmedIndices.map { result.outcomes[$0] }.filter { $0.disagreement != nil }
            .sorted { (abs($0.disagreement!), -$0.index) > (abs($1.disagreement!), -$1.index) }
        let rows = confirmed.map { o -> [String] in
            [describe(o), Units.seconds(o.analytic!.iterationSeconds), Units.seconds(o.confirmed!.iterationSeconds),
             String(format: "%+.1f%%", o.disagreement! * 100), Units.seconds(o.confirmed!.breakdown.exposedCommunicationSeconds)]
        }
        return """
            <p>The estimate gives every transfer its route's full bandwidth and ignores jitter; the event simulation shares \
            links between concurrent flows (max-min fair) and draws jitter and stragglers. A large positive gap means link \
            contention or stragglers the estimate cannot see.</p>
            """ + HTMLPage.table(["point", "analytic iteration", "event iteration", "gap", "event exposed comm."], rows)
    }

    private var outOfMemoryTable: String {
        let oom = result.outcomes.filter { $0.status == .outOfMemory }
        guard !oom.isEmpty else { return "<p>Every valid point fits in memory.</p>" }
        let rows = oom.prefix(30).map { o in
            [describe(o), Units.bytes(o.analytic!.memory.peakBytesPerDevice), Units.bytes(o.analytic!.memory.capacityBytesPerDevice)]
        }
        let more = oom.count > 30 ? "<p class=\"note\">\(oom.count - 30) more in sweep.csv.</p>" : ""
        return HTMLPage.table(["point", "needs per device", "device has"], Array(rows)) + more
    }
}
