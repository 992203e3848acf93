import DequeModule
import HeapModule

/// A deterministic future-event list with a simulated clock.
///
/// Events leave the queue in order of time; events at the same time leave in the order
/// they were scheduled (a sequence number breaks the tie), so a run never depends on the
/// internal layout of the heap. The clock only moves forward: scheduling an event in the
/// past is a programming error and stops the program.
///
/// Besides the heap, the queue keeps two FIFO lanes, each holding events of one single
/// time. Synchronous models (every device finishing a ring step at the same instant)
/// schedule long runs of equal-time events; those go to a lane in O(1) instead of the
/// heap. Lanes and heap are each sorted by (time, sequence), so taking the smallest head
/// gives exactly the order a single heap would.
///
/// - Complexity: `schedule` and `popNext` are O(log n) in general, O(1) for events that
///   join a lane; no allocation beyond amortised growth.
public struct EventQueue: Sendable {
    @usableFromInline var heap = Heap<SimulationEvent>()
    @usableFromInline var laneA = Deque<SimulationEvent>()
    @usableFromInline var laneB = Deque<SimulationEvent>()
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var clockSeconds: Double = 0
    @usableFromInline var popped: Int = 0

    /// Creates an empty queue with the clock at zero.
    public init() {}

    /// The simulated time of the last event taken from the queue, in seconds.
    @inlinable public var nowSeconds: Double { clockSeconds }
    /// How many events have been taken from the queue.
    @inlinable public var processedCount: Int { popped }
    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty && laneA.isEmpty && laneB.isEmpty }
    /// The number of pending events.
    @inlinable public var count: Int { heap.count + laneA.count + laneB.count }

    /// The time of the earliest pending event, if any, in seconds.
    @inlinable public var nextTimeSeconds: Double? {
        var best = heap.min?.timeSeconds
        if let a = laneA.first?.timeSeconds, best == nil || a < best! { best = a }
        if let b = laneB.first?.timeSeconds, best == nil || b < best! { best = b }
        return best
    }

    /// Schedules an event at an absolute simulated time (seconds, not before now).
    @inlinable
    public mutating func schedule(atSeconds time: Double, handler: Int32, kind: Int32, payload: Int) {
        // Invariant: time never goes backwards (this also rejects NaN).
        precondition(time >= clockSeconds, "event scheduled at \(time) s, before the clock (\(clockSeconds) s)")
        let event = SimulationEvent(timeSeconds: time, sequence: nextSequence, handler: handler, kind: kind, payload: payload)
        nextSequence &+= 1
        if let last = laneA.last, last.timeSeconds == time {
            laneA.append(event)
        } else if let last = laneB.last, last.timeSeconds == time {
            laneB.append(event)
        } else if laneA.isEmpty {
            laneA.append(event)
        } else if laneB.isEmpty {
            laneB.append(event)
        } else {
            heap.insert(event)
        }
    }

    /// Removes the earliest event, advances the clock to its time and returns it.
    @inlinable
    public mutating func popNext() -> SimulationEvent? {
        // Pick the smallest of the three heads by (time, sequence).
        var source = 0
        var best = heap.min
        if let a = laneA.first, best == nil || a < best! { best = a; source = 1 }
        if let b = laneB.first, best == nil || b < best! { best = b; source = 2 }
        guard let event = best else { return nil }
        switch source {
        case 0: _ = heap.popMin()
        case 1: laneA.removeFirst()
        default: laneB.removeFirst()
        }
        assert(event.timeSeconds >= clockSeconds, "the event queue went back in time")
        clockSeconds = event.timeSeconds
        popped &+= 1
        return event
    }
}
