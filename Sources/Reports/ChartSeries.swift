/// A named series of (x, y) points drawn in one colour.
public struct ChartSeries: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    /// Per-point labels shown as tooltips (optional).
    public var labels: [String]

    public init(name: String, points: [(x: Double, y: Double)], labels: [String] = []) {
        self.name = name
        self.points = points
        self.labels = labels
    }
}
