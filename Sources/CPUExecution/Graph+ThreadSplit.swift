import Workload

extension Graph {
    /// Whether the CPU trainer splits any of `op`'s gradient sums across threads (one
    /// loop of one addition per element each, `ThreadSplit.splitsLoop`).
    public func gradientAccumulationSplits(into op: Op, batch: Int, requires: [Bool]) -> Bool {
        accumulatedElements(into: op, batch: batch, requires: requires).contains {
            ThreadSplit.splitsLoop(count: $0.value)
        }
    }
}
