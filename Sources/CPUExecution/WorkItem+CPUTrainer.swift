import Workload

extension WorkItem {
    /// Whether the CPU reference trainer splits this item across its threads (false: it runs on one thread whatever the
    /// thread count), by the trainer's rules (`ThreadSplit`, `Op.splitsAcrossThreads`).
    ///
    /// - Parameters:
    ///   - graph: the network the item belongs to.
    ///   - requires: the pass's `Graph.gradientRequirements` (read by input-gradient items only).
    ///   - optimizer: the recipe's optimizer (read by update items only).
    public func splitsAcrossThreads(in graph: Graph, requires: [Bool], optimizer: OptimizerKind) -> Bool {
        guard let id = opID else {
            return pass == .ema ? ThreadSplit.splitsEMA(parameters: graph.parameterCount)
                : ThreadSplit.splitsUpdate(optimizer, parameters: graph.parameterCount)
        }
        let op = graph.ops[id]
        guard pass == .backwardInput else { return op.splitsAcrossThreads(pass, batch: batch) }
        // The input gradient (when the pass computes one) and the sums of gradients into shared values.
        return (graph.computesInputGradients(op, requires: requires) && op.splitsAcrossThreads(.backwardInput, batch: batch))
            || graph.gradientAccumulationSplits(into: op, batch: batch, requires: requires)
    }
}
