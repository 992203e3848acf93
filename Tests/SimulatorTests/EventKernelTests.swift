import Testing
@testable import Simulator

/// Records the order in which events arrive.
private final class Recorder: EventHandler {
    var seen: [(time: Double, payload: Int)] = []
    var rescheduleEvery: Double? = nil
    func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        seen.append((event.timeSeconds, event.payload))
        if let delay = rescheduleEvery, event.payload < 5 {
            simulator.schedule(afterSeconds: delay, handler: event.handler, payload: event.payload + 1)
        }
    }
}

@Suite struct EventKernelTests {
    @Test func eventsLeaveInTimeOrderAndTiesInSchedulingOrder() {
        var queue = EventQueue()
        let times: [Double] = [3, 1, 2, 1, 3, 0, 1]
        for (index, time) in times.enumerated() { queue.schedule(atSeconds: time, handler: 0, kind: 0, payload: index) }
        var order: [Int] = []
        var lastTime = -1.0
        while let event = queue.popNext() {
            #expect(event.timeSeconds >= lastTime)
            #expect(queue.nowSeconds == event.timeSeconds)
            lastTime = event.timeSeconds
            order.append(event.payload)
        }
        // Time 0: #5; time 1: #1, #3, #6 in scheduling order; time 2: #2; time 3: #0, #4.
        #expect(order == [5, 1, 3, 6, 2, 0, 4])
        #expect(queue.processedCount == times.count)
    }

    @Test func simulatorDispatchesToHandlersAndStopsAtLimit() {
        let simulator = EventSimulator()
        let recorder = Recorder()
        recorder.rescheduleEvery = 0.5
        let id = simulator.register(recorder)
        simulator.schedule(atSeconds: 1, handler: id, payload: 0)
        let dispatched = simulator.run(untilSeconds: 2.0)
        #expect(dispatched == 3)  // at 1.0, 1.5, 2.0
        #expect(recorder.seen.map(\.time) == [1.0, 1.5, 2.0])
        simulator.run()
        #expect(recorder.seen.map(\.payload) == [0, 1, 2, 3, 4, 5])
        #expect(simulator.nowSeconds == 3.5)
        #expect(simulator.queue.isEmpty)
    }

    @Test func zeroDelayEventsRunAfterThoseAlreadyQueuedForTheSameInstant() {
        let simulator = EventSimulator()
        let recorder = Recorder()
        let id = simulator.register(recorder)
        simulator.schedule(atSeconds: 0, handler: id, payload: 10)
        simulator.schedule(atSeconds: 0, handler: id, payload: 11)
        simulator.schedule(afterSeconds: 0, handler: id, payload: 12)
        simulator.run()
        #expect(recorder.seen.map(\.payload) == [10, 11, 12])
    }
}
