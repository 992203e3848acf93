import Foundation

/// One drawn course of a checkpointed run on the event kernel: failures drawn from a seeded generator, segments lost
/// and run again, restarts.
///
/// It follows the rules `CheckpointedRun` takes the expectation of, except that an asynchronous checkpoint is
/// simulated exactly (a failure before it is written rolls back to the one before), where the closed form
/// approximates; the mean of many draws is the closed form's expectation (`ReliabilityTests`).
final class FailureTimeline: EventHandler {
    /// What one drawn run took.
    struct Outcome: Equatable {
        /// Wall seconds from the start to the last checkpoint written.
        var wallSeconds: Double
        /// Failures that struck.
        var failures: Int
    }

    private enum Kind: Int32 {
        case segmentDone, failure, restarted, written
    }

    private let run: CheckpointedRun
    private let random: RandomStream
    /// Bumped by every failure, so that events of the attempt it ended are ignored.
    private var epoch = 0
    /// The segment running (or to run after a restart).
    private var segment = 0
    /// Segments whose checkpoint is written: a restart begins with segment `written`.
    private var written = 0
    private var failures = 0
    private var endSeconds: Double?
    private var handler: Int32 = 0

    private init(run: CheckpointedRun, random: RandomStream) {
        self.run = run
        self.random = random
    }

    /// Draws one run of `run` with failures from `random`.
    static func draw(_ run: CheckpointedRun, random: RandomStream) -> Outcome {
        let timeline = FailureTimeline(run: run, random: random)
        let simulator = EventSimulator()
        timeline.handler = simulator.register(timeline)
        timeline.start(simulator)
        simulator.run()
        return Outcome(wallSeconds: timeline.endSeconds ?? simulator.nowSeconds, failures: timeline.failures)
    }

    private func start(_ simulator: EventSimulator) {
        simulator.schedule(afterSeconds: run.segmentSeconds(segment), handler: handler, kind: Kind.segmentDone.rawValue, payload: epoch)
        if run.failuresPerSecond > 0 {
            let gap = -log1p(-random.uniform()) / run.failuresPerSecond
            simulator.schedule(afterSeconds: gap, handler: handler, kind: Kind.failure.rawValue, payload: epoch)
        }
    }

    func handle(_ event: SimulationEvent, simulator: EventSimulator) {
        switch Kind(rawValue: event.kind)! {
        case .segmentDone:
            guard event.payload == epoch else { return }
            let done = segment + 1
            if run.durabilityLagSeconds > 0 {
                simulator.schedule(afterSeconds: run.durabilityLagSeconds, handler: handler, kind: Kind.written.rawValue,
                                   payload: epoch << 32 | done)
            } else {
                checkpointWritten(done, simulator)
            }
            segment = done
            if done < run.checkpoints {
                simulator.schedule(afterSeconds: run.segmentSeconds(done), handler: handler, kind: Kind.segmentDone.rawValue, payload: epoch)
            }
        case .written:
            guard event.payload >> 32 == epoch else { return }
            checkpointWritten(event.payload & 0xFFFF_FFFF, simulator)
        case .failure:
            guard event.payload == epoch, endSeconds == nil else { return }
            epoch += 1
            failures += 1
            simulator.schedule(afterSeconds: run.downtimeSeconds, handler: handler, kind: Kind.restarted.rawValue, payload: epoch)
        case .restarted:
            guard event.payload == epoch else { return }
            segment = written
            start(simulator)
        }
    }

    private func checkpointWritten(_ segments: Int, _ simulator: EventSimulator) {
        written = max(written, segments)
        if written == run.checkpoints {
            endSeconds = simulator.nowSeconds
            simulator.stop()
        }
    }
}
