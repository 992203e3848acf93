/// The per-run bookkeeping of a `CollectiveRunner`: outstanding dependencies and transfers ready to go.
///
/// Holds everything the hot path reads, so one exclusivity check covers a whole step.
struct RunnerProgress {
    /// The transfers to run.
    let schedule: CollectiveSchedule
    /// Route id of each schedule pair.
    let pairRoutes: [Int32]
    /// Whether each schedule pair stays on one device (a join).
    let pairIsLocal: [Bool]
    /// Multiplies every transfer size.
    var bytesScale: Double = 1
    /// Dependencies each transfer still waits for.
    var pending: [Int32] = []
    /// Transfers whose dependencies are all done, not yet started.
    var ready: [Int32] = []
    /// Transfers completed in this run.
    var completedCount = 0

    /// Whether every transfer of the run has completed.
    var isFinished: Bool { completedCount == schedule.transferCount }

    /// Resets for a new run.
    mutating func reset() {
        pending = schedule.dependencyCount
        ready.removeAll(keepingCapacity: true)
        completedCount = 0
        for transfer in 0..<schedule.transferCount where pending[transfer] == 0 { ready.append(Int32(transfer)) }
    }

    /// Marks `transfer` done and readies its successors.
    mutating func complete(_ transfer: Int32) {
        let t = Int(transfer)
        completedCount += 1
        for index in schedule.successorStart[t]..<schedule.successorStart[t + 1] {
            let next = Int(schedule.successors[Int(index)])
            pending[next] -= 1
            if pending[next] == 0 { ready.append(Int32(next)) }
        }
    }

    /// The next ready transfer that needs the interconnect (completing local joins on the way), or nil.
    mutating func nextFlow() -> (route: Int32, bytes: Double, token: Int)? {
        while let transfer = ready.popLast() {
            let t = Int(transfer)
            let pair = Int(schedule.transferPair[t])
            if pairIsLocal[pair] {
                complete(transfer)
            } else {
                return (pairRoutes[pair], schedule.transferBytes[t] * bytesScale, t)
            }
        }
        return nil
    }
}
