/// One phase of a ring-based collective: independent unidirectional rings that each run the same number of steps.
///
/// Mirrors one call per ring of `CollectiveScheduleBuilder.appendRing`: member i of a
/// ring sends to member i+1, `steps` times, each transfer split into the plan's chunks.
/// A member's first send waits for the last transfer into it in the phases before.
public struct RingPhase: Sendable, Equatable {
    /// The rings, as participant slots in ring order.
    public var rings: [[Int]]
    /// Steps every ring runs (n-1 for a reduce-scatter or all-gather half, 2(n-1) for an all-reduce).
    public var steps: Int
    /// Bytes of one chunk of one transfer when the collective moves one byte per device.
    public var bytesPerTransfer: Double
}
