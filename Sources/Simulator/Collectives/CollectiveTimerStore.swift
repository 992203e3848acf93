import Foundation

/// Collective timers shared by every worker thread of a sweep: each distinct cluster and algorithm is scheduled once.
///
/// A timer is built by the first thread that asks for it; others asking for the same key
/// wait for it, while timers of other keys are built in parallel.
public final class CollectiveTimerStore: @unchecked Sendable {
    struct Key: Hashable {
        var spec: TopologySpec, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int
    }

    /// One key's timer, built once under its own lock.
    private final class Slot {
        let lock = NSLock()
        var timer: Result<CollectiveTimer, Error>?
    }

    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]

    public init() {}

    /// The timer of a cluster and algorithm, built on first use.
    func timer(spec: TopologySpec, topology: Topology, devices: Int, algorithm: CollectiveAlgorithm, chunks: Int) throws -> CollectiveTimer {
        let key = Key(spec: spec, devices: devices, algorithm: algorithm, chunks: chunks)
        lock.lock()
        let slot = slots[key] ?? Slot()
        slots[key] = slot
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if slot.timer == nil {
            slot.timer = Result { try CollectiveTimer(topology: topology, devices: devices, algorithm: algorithm, chunks: chunks) }
        }
        return try slot.timer!.get()
    }
}
