import HeapModule

/// A deterministic future-event list with a simulated clock.
///
/// Events leave the queue in order of time; events at the same time leave in the order
/// they were scheduled (a sequence number breaks the tie), so a run never depends on the
/// internal layout of the heap. The clock only moves forward: scheduling an event in the
/// past is a programming error and stops the program.
///
/// - Complexity: `schedule` and `popNext` are O(log n) with no allocation beyond the
///   heap's amortised growth.
public struct EventQueue: Sendable {
    @usableFromInline var heap = Heap<SimulationEvent>()
    @usableFromInline var nextSequence: UInt64 = 0

    @usableFromInline var clockSeconds: Double = 0
    @usableFromInline var popped: Int = 0

    /// The simulated time of the last event taken from the queue, in seconds.
    @inlinable public var nowSeconds: Double { clockSeconds }
    /// How many events have been taken from the queue.
    @inlinable public var processedCount: Int { popped }

    /// Creates an empty queue with the clock at zero.
    public init() {}

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }
    /// The number of pending events.
    @inlinable public var count: Int { heap.count }
    /// The time of the earliest pending event, if any, in seconds.
    @inlinable public var nextTimeSeconds: Double? { heap.min?.timeSeconds }

    /// Schedules an event at an absolute simulated time (seconds, not before now).
    @inlinable
    public mutating func schedule(atSeconds time: Double, handler: Int32, kind: Int32, payload: Int) {
        // Invariant: time never goes backwards (this also rejects NaN).
        precondition(time >= nowSeconds, "event scheduled at \(time) s, before the clock (\(nowSeconds) s)")
        heap.insert(SimulationEvent(timeSeconds: time, sequence: nextSequence, handler: handler, kind: kind, payload: payload))
        nextSequence &+= 1
    }

    /// Removes the earliest event, advances the clock to its time and returns it.
    @inlinable
    public mutating func popNext() -> SimulationEvent? {
        guard let event = heap.popMin() else { return nil }
        assert(event.timeSeconds >= nowSeconds, "the event queue went back in time")
        clockSeconds = event.timeSeconds
        popped &+= 1
        return event
    }
}
