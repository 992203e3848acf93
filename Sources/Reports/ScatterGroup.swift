/// A named set of scatter-plot points sharing one marker and colour.
public struct ScatterGroup: Sendable {
    /// Marker shapes.
    public enum Marker: Sendable { case dot, cross }

    public var name: String
    public var points: [(x: Double, y: Double)]
    /// Per-point tooltips (optional).
    public var labels: [String]
    public var marker: Marker
    /// Marker radius, in pixels.
    public var radius: Double
    /// CSS colour; nil picks the next palette colour.
    public var color: String?
    /// Join the points with a line in x order (e.g. a Pareto front).
    public var connect: Bool

    public init(name: String, points: [(x: Double, y: Double)], labels: [String] = [], marker: Marker = .dot,
                radius: Double = 3.5, color: String? = nil, connect: Bool = false) {
        self.name = name
        self.points = points
        self.labels = labels
        self.marker = marker
        self.radius = radius
        self.color = color
        self.connect = connect
    }
}
