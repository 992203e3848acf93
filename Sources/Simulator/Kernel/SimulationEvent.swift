/// One occurrence scheduled in simulated time: when, in which order, for whom, and a small payload.
///
/// Events are plain values (32 bytes) so that the queue never allocates per event. The
/// kernel interprets only `timeSeconds` and `sequence`; `handler`, `kind` and `payload`
/// belong to the model that scheduled the event.
public struct SimulationEvent: Sendable {
    /// Simulated time at which the event fires, in seconds.
    public var timeSeconds: Double
    /// Order of scheduling; breaks ties between events at the same time.
    public var sequence: UInt64
    /// Index of the registered handler that receives the event.
    public var handler: Int32
    /// Handler-defined event kind.
    public var kind: Int32
    /// Handler-defined payload (an index, a version, ...).
    public var payload: Int

    /// Creates an event; the kernel assigns `sequence` when it is scheduled.
    @inlinable
    public init(timeSeconds: Double, sequence: UInt64, handler: Int32, kind: Int32, payload: Int) {
        self.timeSeconds = timeSeconds
        self.sequence = sequence
        self.handler = handler
        self.kind = kind
        self.payload = payload
    }
}

extension SimulationEvent: Comparable {
    /// Events order by time, then by scheduling sequence, never by heap position.
    @inlinable
    public static func < (lhs: SimulationEvent, rhs: SimulationEvent) -> Bool {
        if lhs.timeSeconds != rhs.timeSeconds { return lhs.timeSeconds < rhs.timeSeconds }
        return lhs.sequence < rhs.sequence
    }

    /// Two events are equal when they have the same time and sequence number.
    @inlinable
    public static func == (lhs: SimulationEvent, rhs: SimulationEvent) -> Bool {
        lhs.timeSeconds == rhs.timeSeconds && lhs.sequence == rhs.sequence
    }
}
