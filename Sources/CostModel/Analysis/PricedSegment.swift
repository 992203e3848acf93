import Workload
/// One recipe segment priced on one device: each work item's time, and the segment's totals.
///
/// The schedule walks `items` in order (gradient buckets complete part-way through a
/// backward); single-device estimates use the totals.
public struct PricedSegment: Sendable {
    /// One work item's priced time, activity-weighted time and the gradient bytes it finishes.
    public struct Item: Sendable {
        /// Seconds on the device.
        public var seconds: Double
        /// `seconds` times the item's `WorkActivity` fraction, for the energy model.
        public var activitySeconds: Double
        /// fp32 gradient bytes the item finishes (0 for most items).
        public var gradientBytes: Int
    }

    /// The items in execution order.
    public var items: [Item] = []
    /// Seconds of all items.
    public var seconds = 0.0
    /// FLOPs of all items.
    public var flops = 0.0
    /// Bytes of memory traffic of all items.
    public var bytes = 0.0
    /// Kernels the implementation launches for the segment (0 when the profile has no GPU execution model).
    public var kernels = 0.0
}
