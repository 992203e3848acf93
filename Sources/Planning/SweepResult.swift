import Simulator

/// Everything a sweep found: every point, the Pareto front, and how the confirmations compare with the estimates.
public struct SweepResult: Sendable, Codable, Equatable {
    /// Counts and agreement figures.
    public struct Summary: Sendable, Codable, Equatable {
        public var points: Int
        public var ok: Int
        public var outOfMemory: Int
        public var invalid: Int
        /// Points run through the event simulation.
        public var confirmed: Int
        /// Mean of |event / analytic - 1| over confirmed points (iteration time).
        public var meanAbsoluteDisagreement: Double
        /// Largest |event / analytic - 1|.
        public var maxAbsoluteDisagreement: Double
    }

    /// Scenario name.
    public var name: String
    /// Axis names, in column order.
    public var axes: [String]
    /// One outcome per point, in grid order.
    public var outcomes: [SweepOutcome]
    /// Indices of the analytic time-versus-cost Pareto front (points that fit), fastest first.
    public var pareto: [Int]
    /// Indices of the points confirmed by the event simulation.
    public var confirmedIndices: [Int]
    public var summary: Summary

    /// Assembles the result and its summary.
    public init(name: String, axes: [String], outcomes: [SweepOutcome], pareto: [Int], confirmedIndices: [Int]) {
        self.name = name
        self.axes = axes
        self.outcomes = outcomes
        self.pareto = pareto
        self.confirmedIndices = confirmedIndices
        let gaps = confirmedIndices.compactMap { outcomes[$0].disagreement.map(abs) }
        summary = Summary(
            points: outcomes.count, ok: outcomes.filter { $0.status == .ok }.count,
            outOfMemory: outcomes.filter { $0.status == .outOfMemory }.count,
            invalid: outcomes.filter { $0.status == .invalid }.count, confirmed: confirmedIndices.count,
            meanAbsoluteDisagreement: gaps.isEmpty ? 0 : gaps.reduce(0, +) / Double(gaps.count),
            maxAbsoluteDisagreement: gaps.max() ?? 0)
    }

    /// Whether `index` is on the Pareto front.
    public func isPareto(_ index: Int) -> Bool { pareto.contains(index) }

    /// The CSV of every point: axis values, status, estimates, and the event simulation where confirmed.
    public var csv: String {
        let paretoSet = Set(pareto)
        let header = ["index"] + axes + [
            "status", "reason", "peakMemoryGiB", "capacityGiB", "iterationSeconds", "samplesPerSecond", "scalingEfficiency",
            "computeSeconds", "exposedCommunicationSeconds", "dataStallSeconds", "trainingHours", "costUSD", "energyKWh", "co2Kg",
            "expectedTrainingHours", "goodput", "expectedCostUSD", "expectedEnergyKWh",
            "pareto", "eventIterationSeconds", "eventCostUSD", "disagreement",
        ]
        var lines = [header.map(Self.field).joined(separator: ",")]
        for o in outcomes {
            var row = [String(o.index)] + o.labels + [o.status.rawValue, o.reason ?? ""]
            if let r = o.analytic {
                row += [r.memory.peakBytesPerDevice, r.memory.capacityBytesPerDevice].map { Self.number(Double($0) / 1_073_741_824) }
                row += [r.iterationSeconds, r.samplesPerSecond, r.scalingEfficiency, r.breakdown.computeSeconds,
                        r.breakdown.exposedCommunicationSeconds, r.breakdown.dataStallSeconds, r.training.wallHours,
                        r.cost.totalUSD, r.energy.totalKWh, r.energy.co2Kg,
                        r.expectedWallSeconds / 3600, r.goodput, r.expectedTotalUSD, r.expectedTotalKWh].map(Self.number)
            } else {
                row += Array(repeating: "", count: 16)
            }
            row.append(paretoSet.contains(o.index) ? "true" : "false")
            if let e = o.confirmed, let gap = o.disagreement {
                row += [Self.number(e.iterationSeconds), Self.number(e.cost.totalUSD), Self.number(gap)]
            } else {
                row += ["", "", ""]
            }
            lines.append(row.map(Self.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number with up to 6 significant digits.
    static func number(_ x: Double) -> String { String(format: "%.6g", x) }

    /// A CSV field, quoted when it holds a comma or quote.
    static func field(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
