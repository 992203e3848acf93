import Simulator

/// The Cartesian product of sweep axes over a base scenario, checked before any work starts.
public struct SweepGrid: Sendable {
    /// The axes, first varying slowest.
    public let axes: [SweepAxis]
    /// The base scenario.
    public let template: ScenarioTemplate
    /// Each axis's values read into typed assignments, in the order of `axes` and their values.
    private let settings: [[ScenarioAssignment]]
    /// Grids larger than this are refused (a typo such as devices=1,2,...,1000000 would run for hours).
    public static let maximumPoints = 2_000_000

    /// Checks the axes: at least one, no field twice, every single value valid on the base
    /// scenario (each value is read once by the scenario's own reader, then applied alone), and a size within
    /// `maximumPoints`.
    public init(template: ScenarioTemplate, axes: [SweepAxis]) throws {
        guard !axes.isEmpty else { throw SweepError("give at least one --vary field=values") }
        var seen: Set<String> = []
        for axis in axes where !seen.insert(axis.field).inserted {
            throw SweepError("--vary \(axis.name): the field \(axis.field) is varied twice")
        }
        let total = axes.reduce(1.0) { $0 * Double($1.values.count) }
        guard total <= Double(Self.maximumPoints) else {
            throw SweepError("the grid has \(Int(total)) points; at most \(Self.maximumPoints) are allowed")
        }
        let cache = ScenarioCache()
        settings = try axes.map { axis in
            try axis.values.map { value in
                do {
                    let typed = try ScenarioAssignment(path: axis.path, value: value)
                    _ = try template.scenario([typed], cache: cache)
                    return typed
                } catch {
                    throw SweepError("--vary \(axis.name)=\(value): \(error)")
                }
            }
        }
        self.template = template
        self.axes = axes
    }

    /// Number of points.
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// Every point, the last axis varying fastest.
    public var points: [SweepPoint] {
        var out: [SweepPoint] = []
        out.reserveCapacity(count)
        for index in 0..<count {
            var rest = index
            var labels = Array(repeating: "", count: axes.count)
            var assignments: [ScenarioAssignment] = []
            for (a, axis) in axes.enumerated().reversed() {
                let k = rest % axis.values.count
                rest /= axis.values.count
                labels[a] = axis.values[k]
                assignments.insert(settings[a][k], at: 0)
            }
            out.append(SweepPoint(labels: labels, assignments: assignments))
        }
        return out
    }
}
