/// How the i-th series of a chart is told apart besides its colour: a marker shape and a dash pattern.
///
/// Both come from fixed sequences indexed by the series' position, so the same chart always draws the same way. The
/// sequences' lengths (7 markers, 4 dashes) are coprime, so series 0 to 27 all get distinct (marker, dash) pairs, and
/// neighbouring series differ in both; the palette's 10 colours repeat sooner, which is why colour alone is not enough.
public struct SeriesStyle: Sendable, Hashable {
    /// The marker drawn at each point.
    public let marker: ScatterGroup.Marker
    /// The SVG `stroke-dasharray` of the series' line; empty for a solid line.
    public let dash: String

    /// A style of `marker` and `dash` (charts take theirs from `at(_:)`).
    public init(marker: ScatterGroup.Marker, dash: String) {
        self.marker = marker
        self.dash = dash
    }

    /// The marker sequence: filled shapes first (they read best at small sizes), then stroked ones.
    public static let markers: [ScatterGroup.Marker] = [.dot, .square, .triangle, .diamond, .cross, .plus, .triangleDown]
    /// The dash sequence: solid, dashed, dotted, dash-dot.
    public static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    /// The style of series `index` (0-based).
    public static func at(_ index: Int) -> SeriesStyle {
        SeriesStyle(marker: markers[index % markers.count], dash: dashes[index % dashes.count])
    }
}
