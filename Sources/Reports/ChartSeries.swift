/// A named series of (x, y) points drawn in one colour.
///
/// Invariant: `labels` and `yBounds` are per point, in the order of `points`; either may be shorter than `points`
/// (a point past its end has the default tooltip, or no error bar).
public struct ChartSeries: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    /// Per-point labels shown as tooltips (optional).
    public var labels: [String]
    /// Per-point bounds of y, drawn as vertical error bars (nil or absent: no error bar at that point).
    public var yBounds: [ErrorBounds?]

    public init(name: String, points: [(x: Double, y: Double)], labels: [String] = [], yBounds: [ErrorBounds?] = []) {
        self.name = name
        self.points = points
        self.labels = labels
        self.yBounds = yBounds
    }

    /// The bounds of point `k`, if it has any.
    public func yBounds(at k: Int) -> ErrorBounds? { k < yBounds.count ? yBounds[k] : nil }
}
