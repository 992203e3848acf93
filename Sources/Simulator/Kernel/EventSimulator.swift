/// The event kernel: a clock, an event queue and a table of handlers, nothing about GPUs or GANs.
///
/// Models register handlers once and schedule value-type events addressed to them;
/// `run` pops events in time order (ties by scheduling order) and dispatches each to
/// its handler.
public final class EventSimulator {
    /// The future-event list and clock.
    public var queue = EventQueue()
    @usableFromInline var handlers: [any EventHandler] = []
    @usableFromInline var stopRequested = false

    /// Creates a simulator with the clock at zero and no handlers.
    public init() {}

    /// The current simulated time, in seconds.
    @inlinable public var nowSeconds: Double { queue.nowSeconds }
    /// How many events have been dispatched so far.
    @inlinable public var processedEventCount: Int { queue.processedCount }

    /// Registers a handler and returns the id to address events to it.
    public func register(_ handler: any EventHandler) -> Int32 {
        handlers.append(handler)
        return Int32(handlers.count - 1)
    }

    /// Schedules an event `delaySeconds` (not negative) after now.
    @inlinable
    public func schedule(afterSeconds delaySeconds: Double, handler: Int32, kind: Int32 = 0, payload: Int = 0) {
        queue.schedule(atSeconds: queue.nowSeconds + delaySeconds, handler: handler, kind: kind, payload: payload)
    }

    /// Schedules an event at an absolute simulated time (seconds, not before now).
    @inlinable
    public func schedule(atSeconds time: Double, handler: Int32, kind: Int32 = 0, payload: Int = 0) {
        queue.schedule(atSeconds: time, handler: handler, kind: kind, payload: payload)
    }

    /// Asks `run` to return after the event being handled.
    public func stop() { stopRequested = true }

    /// Dispatches events in order until the queue is empty, `stop()` is called, or the next
    /// event lies after `limitSeconds`; returns the number of events dispatched.
    @discardableResult
    public func run(untilSeconds limitSeconds: Double = .infinity) -> Int {
        stopRequested = false
        var dispatched = 0
        while !stopRequested, let time = queue.nextTimeSeconds, time <= limitSeconds {
            let event = queue.popNext()!
            handlers[Int(event.handler)].handle(event, simulator: self)
            dispatched += 1
        }
        return dispatched
    }
}
