import Foundation
import Reports
import Simulator

/// The report of one simulated scenario (`simulate --out`) or of several side by side (`compare --out`): its files,
/// the side-by-side summary and the differences against the first run.
///
/// Every file is composed in memory; the caller writes them all at once, so an interrupted run leaves no half-written
/// report.
public struct SimulationReport {
    /// The runs, the first one the baseline of comparisons; never empty.
    public var runs: [SimulatedRun]

    /// The report of `runs` (at least one), the first the baseline.
    public init(runs: [SimulatedRun]) {
        precondition(!runs.isEmpty, "a report needs a run")
        self.runs = runs
    }

    /// What `compare` prints and stores: every result and the differences against the first.
    public struct Comparison: Encodable {
        public var results: [TrainingResult]
        public var differences: [String]
    }

    /// Every result and the differences against the first (`compare --json`, and `result.json` of a comparison).
    public var comparison: Comparison { Comparison(results: runs.map(\.result), differences: differences) }

    /// One sentence per run after the first: speed, cost, energy and time to train against the baseline.
    public var differences: [String] {
        let base = runs[0].result
        return runs.dropFirst().map { run in
            let r = run.result
            let speed = base.iterationSeconds / r.iterationSeconds
            func relative(_ value: Double, _ baseline: Double, less: String, more: String) -> String {
                let change = value / baseline - 1
                return String(format: "%.0f%% %@", abs(change) * 100, change <= 0 ? less : more)
            }
            let faster = speed >= 1 ? String(format: "%.2fx faster per iteration", speed) : String(format: "%.2fx slower per iteration", 1 / speed)
            return "\(r.name) vs \(base.name): \(faster), "
                + "\(relative(r.cost.totalUSD, base.cost.totalUSD, less: "cheaper", more: "dearer")) per run, "
                + "\(relative(r.energy.totalKWh, base.energy.totalKWh, less: "less", more: "more")) energy, "
                + "trains in \(Units.seconds(r.training.wallSeconds)) instead of \(Units.seconds(base.training.wallSeconds)), "
                + "\(Units.seconds(r.expectedWallSeconds)) instead of \(Units.seconds(base.expectedWallSeconds)) with failures"
        }
    }

    /// The report's files as `(name, contents)`: result.json (the result, or the comparison of several),
    /// iterations.csv, trace.json (Chrome's trace format, each run's devices numbered apart), summary.md and report.html.
    public func files() throws -> [(String, Data)] {
        let resultJSON = runs.count == 1 ? try JSONOutput.data(runs[0].result) : try JSONOutput.data(comparison)
        var csv = (runs.count == 1 ? "" : "scenario,") + IterationRecord.csvHeader + "\n"
        for run in runs {
            for record in run.records { csv += (runs.count == 1 ? "" : "\(run.result.name),") + record.csvRow + "\n" }
        }
        struct ChromeTrace: Encodable {
            var traceEvents: [TraceSpan]
            var displayTimeUnit = "ms"
        }
        var spans: [TraceSpan] = []
        for (index, run) in runs.enumerated() {
            spans += run.trace.map { var span = $0; span.pid += 1000 * index; return span }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [
            ("result.json", resultJSON), ("iterations.csv", Data(csv.utf8)),
            ("trace.json", try encoder.encode(ChromeTrace(traceEvents: spans))),
            ("summary.md", Data(markdown.utf8)), ("report.html", Data(html.utf8)),
        ]
    }

    private func fixed(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

    /// Rows of the side-by-side table: a label and one cell per run.
    private var rows: [[String]] {
        func row(_ label: String, _ cell: (TrainingResult) -> String) -> [String] { [label] + runs.map { cell($0.result) } }
        // The validated range of the iteration, where some profile was validated (`ValidatedError`).
        let ranges = runs.contains { $0.result.iterationSecondsInterval != nil } ? [row("validated range") { result in
            result.iterationSecondsInterval.map { "\(Units.seconds($0[0]))-\(Units.seconds($0[1]))" } ?? "not validated"
        }] : []
        return [
            row("cluster") { "\($0.devices)x \($0.device) on \($0.topology)" },
            row("all-reduce, mode") { "\($0.algorithmDescription), \($0.mode)" },
            row("iteration") { Units.seconds($0.iterationSeconds) },
        ] + ranges + [
            row("samples/s") { Units.count($0.samplesPerSecond) },
            row("compute") { Units.seconds($0.breakdown.computeSeconds) },
            row("exposed communication") { Units.seconds($0.breakdown.exposedCommunicationSeconds) },
            row("data stall") { Units.seconds($0.breakdown.dataStallSeconds) },
            row("idle") { Units.seconds($0.breakdown.idleSeconds) },
            row("scaling efficiency") { self.fixed($0.scalingEfficiency, 3) },
            row("memory per device") { "\(Units.bytes($0.memory.peakBytesPerDevice)) of \(Units.bytes($0.memory.capacityBytesPerDevice))\($0.memory.fits ? "" : " (does not fit)")" },
            row("time to train") { "\(Units.grouped($0.training.iterations)) it, \(self.fixed($0.training.wallHours, 1)) h (\(self.fixed($0.training.wallDays)) days)" },
            row("energy per iteration") { "\(Units.count($0.energy.joulesPerIteration)) J" },
            row("energy, whole run") { "\(Units.count($0.energy.totalKWh)) kWh" },
            row("CO2, whole run") { "\(Units.count($0.energy.co2Kg)) kg" },
            row("mean facility power") { "\(self.fixed($0.energy.averageFacilityWatts / 1000)) kW (PUE \($0.energy.pue))" },
            row("cost, whole run") { "$\(Units.grouped(Int($0.cost.totalUSD.rounded())))" },
            row("cost per iteration") { "$\(self.fixed($0.cost.usdPerIteration, 4))" },
            row("priced as") { $0.cost.basis },
            row("failures per day (job)") { $0.reliability.map { self.fixed($0.failuresPerHour * 24, 3) } ?? "-" },
            row("checkpoints") {
                $0.reliability.map { "\(Units.grouped($0.checkpoints)) of \(Units.bytes($0.checkpointBytes)), every \(Units.seconds($0.checkpointIntervalSeconds)) (\($0.intervalBasis))" } ?? "-"
            },
            row("time with failures") { "\(self.fixed($0.expectedWallSeconds / 3600, 1)) h expected, goodput \(self.fixed($0.goodput * 100, 2)) %" },
            row("failures add") { $0.reliability.map { "$\(Units.grouped(Int($0.lostUSD.rounded()))), \(Units.count($0.lostKWh)) kWh" } ?? "-" },
        ]
    }

    /// `summary.md`, which `compare` also prints.
    public var markdown: String {
        let title = runs.count == 1 ? "gansim simulate: \(runs[0].result.name)" : "gansim compare: " + runs.map(\.result.name).joined(separator: " vs ")
        var text = "# \(title)\n\n"
        let header = ["", ] + runs.map(\.result.name)
        text += "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows { text += "| " + row.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |\n" }
        if !differences.isEmpty { text += "\n## Differences\n\n" + differences.map { "- \($0)\n" }.joined() }
        text += "\nEnergy: per-device power by state from the simulated timeline (idle + activity-scaled dynamic power), hosts, NICs and switches, times PUE. Seed \(runs[0].result.seed).\n"
        return text
    }

    /// `report.html`: tables and inline SVG charts; where a run's profile is validated, its iteration-time bar carries
    /// a whisker over the validated range of the iteration, with a caption naming the profiles.
    public var html: String {
        var page = HTMLPage(title: runs.count == 1 ? "gansim: \(runs[0].result.name)" : "gansim compare: " + runs.map(\.result.name).joined(separator: " vs "))
        if !differences.isEmpty {
            page.section("Differences", "<ul>" + differences.map { "<li>\(SVGCanvas.escape($0))</li>" }.joined() + "</ul>")
        }
        page.section("Summary", HTMLPage.table([""] + runs.map(\.result.name), rows))
        let names = runs.map(\.result.name)
        let ms = { (x: Double) in String(format: "%g", (x * 1e3 * 1000).rounded() / 1000) }
        page.section("Iteration time", Charts.stackedBars(
            title: "Where a steady-state iteration goes (mean over devices)", categories: names,
            components: ["compute", "exposed communication", "data stall", "idle"],
            values: runs.map { let b = $0.result.breakdown; return [b.computeSeconds, b.exposedCommunicationSeconds, b.dataStallSeconds, b.idleSeconds] },
            bounds: runs.map { ErrorBounds($0.result.iterationSecondsInterval) },
            unit: "milliseconds per iteration", format: ms)
            + (TrainingResult.validatedRangeCaption(runs.map(\.result)).map { "<p class=\"note\">\(SVGCanvas.escape($0))</p>" } ?? ""))
        for run in runs { page.section("Timeline: \(run.result.name)", timeline(run)) }
        let memoryNames = runs[0].memoryParts.map(\.name)
        let gib = { (x: Double) in String(format: "%g", (x * 100).rounded() / 100) }
        page.section("Memory per device", Charts.stackedBars(
            title: "Memory per device (GiB)", categories: names, components: memoryNames,
            values: runs.map { run in memoryNames.map { name in Double(run.memoryParts.first { $0.name == name }?.bytes ?? 0) / 1_073_741_824 } },
            unit: "GiB", format: gib)
            + "<p class=\"note\">Capacity: " + runs.map { "\($0.result.name) \(Units.bytes($0.result.memory.capacityBytesPerDevice))" }.joined(separator: ", ") + ".</p>")
        page.section("Energy and cost", Charts.stackedBars(
            title: "Facility energy of the whole run (kWh)", categories: names,
            components: ["accelerators", "hosts", "network", "facility overhead (PUE)"],
            values: runs.map { run in
                let e = run.result.energy
                // A growing run's iterations differ by phase: share its total as its last phase's iteration divides.
                let perRun = run.result.phases == nil ? Double(run.result.training.iterations) / 3.6e6
                    : e.totalKWh / max(e.joulesPerIteration, .leastNormalMagnitude) * e.pue
                let it = e.deviceJoulesPerIteration + e.hostJoulesPerIteration + e.networkJoulesPerIteration
                return [e.deviceJoulesPerIteration * perRun, e.hostJoulesPerIteration * perRun, e.networkJoulesPerIteration * perRun, (e.pue - 1) * it * perRun]
            }, unit: "kWh", format: { String(format: "%g", $0) })
            + Charts.stackedBars(
                title: "Cost of the whole run (US dollars)", categories: names, components: ["hardware hours", "electricity"],
                values: runs.map { [$0.result.cost.hardwareUSD, $0.result.cost.energyUSD] }, unit: "US dollars", format: { String(format: "%g", $0) }))
        for run in runs {
            guard let phases = run.result.phases else { continue }
            page.section("Growth phases: \(run.result.name)", Charts.stackedBars(
                title: "Hours per phase of progressive growing", categories: phases.map(\.label), components: ["hours"],
                values: phases.map { [$0.hours] }, unit: "hours", format: { String(format: "%g", ($0 * 100).rounded() / 100) })
                + HTMLPage.table(["phase", "kimg", "batch per device", "iterations", "s per kimg", "hours", "kWh", "cost"], phases.map {
                    [$0.label, String(format: "%g", $0.kimg), "\($0.batchPerDevice)", Units.grouped($0.iterations),
                     String(format: "%.1f", $0.secondsPerKimg), String(format: "%.2f", $0.hours), String(format: "%.1f", $0.energyKWh),
                     String(format: "$%.0f", $0.costUSD)]
                }))
        }
        let sizes = Set(runs.map(\.result.devices))
        if sizes.count > 1 {
            let sorted = runs.sorted { $0.result.devices < $1.result.devices }
            page.section("Scaling", Charts.lines(
                title: "Throughput and scaling efficiency against devices",
                series: [ChartSeries(name: "scaling efficiency x 100", points: sorted.map { (Double($0.result.devices), 100 * $0.result.scalingEfficiency) },
                                     labels: sorted.map { "\($0.result.name): \(self.fixed($0.result.scalingEfficiency, 3))" }),
                         ChartSeries(name: "samples/s / 100", points: sorted.map { (Double($0.result.devices), $0.result.samplesPerSecond / 100) },
                                     labels: sorted.map { "\($0.result.name): \(Units.count($0.result.samplesPerSecond)) samples/s" })],
                xLabel: "devices", yLabel: "efficiency (%) and samples/s / 100", xLog: true,
                xFormat: { String(format: "%g", $0) }, yFormat: { String(format: "%g", $0) }))
        }
        page.section("Method", """
            <p class="note">Discrete-event simulation of \(runs[0].result.training.simulatedIterations) iterations (steady state excludes the first);
            compute priced by the CostModel roofline, gradients all-reduced on a max-min fair flow network. Energy integrates each
            device's power by state over the simulated timeline (idle power throughout, dynamic power scaled by the achieved
            activity of each work item while computing), plus hosts, NICs and switches, times PUE; see scenarios/README.md
            for the defaults and their sources.</p>
            """)
        return page.render()
    }

    /// A Gantt chart of the second simulated iteration (the first fills the pipeline) on the traced devices.
    private func timeline(_ run: SimulatedRun) -> String {
        let index = run.records.count > 1 ? 1 : 0
        guard index < run.records.count else { return "<p class=\"note\">no iterations</p>" }
        let start = run.records[index].startSeconds, end = run.records[index].endSeconds
        let categories = ["compute", "update", "wait", "data", "communication"]
        let inside = run.trace.filter { $0.ts / 1e6 < end - 1e-12 && ($0.ts + $0.dur) / 1e6 > start + 1e-12 }
        let devices = Set(inside.filter { $0.tid == 0 }.map(\.pid)).sorted()
        var lanes = devices.map { "device \($0)" }
        let hasCommunication = inside.contains { $0.tid == 1 }
        if hasCommunication { lanes.append("all-reduce") }
        let spans = inside.map { span -> (lane: Int, start: Double, end: Double, category: String) in
            let lane = span.tid == 1 ? lanes.count - 1 : devices.firstIndex(of: span.pid) ?? 0
            return (lane, max(start, span.ts / 1e6), min(end, (span.ts + span.dur) / 1e6), span.cat)
        }
        guard !spans.isEmpty else {
            return "<p class=\"note\">The trace does not cover iteration \(index) (raise the traced iterations).</p>"
        }
        return Charts.gantt(
            title: "Iteration \(index) per device (\(Units.seconds(end - start)))", lanes: lanes, spans: spans, categories: categories,
            format: { String(format: "%g ms", ($0 * 1e6).rounded() / 1e3) })
    }
}
