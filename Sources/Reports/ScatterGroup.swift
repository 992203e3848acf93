/// A named set of scatter-plot points sharing one marker and colour (a connecting line takes its position's dash).
///
/// Invariant: `labels`, `xBounds` and `yBounds` are per point, in the order of `points`; any may be shorter than
/// `points` (a point past its end has the default tooltip, or no error bar on that axis).
public struct ScatterGroup: Sendable {
    /// Marker shapes (their SVG elements carry `class="marker-<name>"`).
    public enum Marker: String, Sendable, Hashable, CaseIterable {
        case dot, square, triangle, diamond, cross, plus, triangleDown
    }

    public var name: String
    public var points: [(x: Double, y: Double)]
    /// Per-point tooltips (optional).
    public var labels: [String]
    /// The marker; nil takes the group's position in `SeriesStyle.markers`.
    public var marker: Marker?
    /// Marker radius, in pixels.
    public var radius: Double
    /// CSS colour; nil picks the next palette colour.
    public var color: String?
    /// Join the points with a line in x order (e.g. a Pareto front).
    public var connect: Bool
    /// Per-point bounds of x, drawn as horizontal error bars (nil or absent: none at that point).
    public var xBounds: [ErrorBounds?]
    /// Per-point bounds of y, drawn as vertical error bars (nil or absent: none at that point).
    public var yBounds: [ErrorBounds?]

    public init(name: String, points: [(x: Double, y: Double)], labels: [String] = [], marker: Marker? = nil,
                radius: Double = 3.5, color: String? = nil, connect: Bool = false, xBounds: [ErrorBounds?] = [],
                yBounds: [ErrorBounds?] = []) {
        self.name = name
        self.points = points
        self.labels = labels
        self.marker = marker
        self.radius = radius
        self.color = color
        self.connect = connect
        self.xBounds = xBounds
        self.yBounds = yBounds
    }

    /// The x bounds of point `k`, if it has any.
    public func xBounds(at k: Int) -> ErrorBounds? { k < xBounds.count ? xBounds[k] : nil }

    /// The y bounds of point `k`, if it has any.
    public func yBounds(at k: Int) -> ErrorBounds? { k < yBounds.count ? yBounds[k] : nil }
}
