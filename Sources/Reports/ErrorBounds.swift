/// The lower and upper bound of one plotted value: what an error bar spans.
///
/// Invariant: `lower <= upper` (the initialisers order the two ends). The bounds are in the data units of the axis
/// they are drawn on, so on a log axis they must be positive like the values. A chart draws them as a whisker with
/// caps; a point or bar without bounds draws none.
public struct ErrorBounds: Sendable, Hashable {
    /// The smaller end.
    public let lower: Double
    /// The larger end.
    public let upper: Double

    /// Bounds from two ends given in either order.
    public init(lower: Double, upper: Double) {
        self.lower = Swift.min(lower, upper)
        self.upper = Swift.max(lower, upper)
    }

    /// The bounds of `values[0]...values[1]`, the form time intervals take (e.g. `TrainingResult.iterationSecondsInterval`);
    /// nil unless there are exactly two values.
    public init?(_ values: [Double]?) {
        guard let values, values.count == 2 else { return nil }
        self.init(lower: values[0], upper: values[1])
    }
}
