import CostModel

/// Collects per-op wall times per recipe segment over the timed iterations and turns
/// them into `OpTimingRecord`s with the ops' cost descriptors.
final class OpTimer {
    /// Seconds per key for each timed iteration (summed within the iteration).
    private var perIteration: [OpTimingKey: Double] = [:]
    private var calls: [OpTimingKey: Int] = [:]
    private var history: [OpTimingKey: [Double]] = [:]
    private var order: [OpTimingKey] = []
    private var seen: Set<OpTimingKey> = []

    /// Adds the times a network accumulated during one segment.
    func harvest(_ net: Network, role: NetworkRole, phase: StepPhase, backward: (weights: Bool, intoInputs: Bool)?, batch: Int) {
        let times = backward == nil ? net.forwardSeconds : net.backwardSeconds
        for (id, s) in times.enumerated() where s > 0 {
            let key = OpTimingKey(phase: phase, network: role, opID: id, pass: backward == nil ? "forward" : "backward",
                                  weights: backward?.weights ?? false, intoInputs: backward?.intoInputs ?? false, batch: batch)
            if seen.insert(key).inserted { order.append(key) }
            perIteration[key, default: 0] += s
            calls[key, default: 0] += 1
        }
        net.resetTimes()
    }

    /// Closes an iteration: keeps its sums if `timed`, else drops them.
    func endIteration(timed: Bool) {
        if timed { for (k, s) in perIteration { history[k, default: []].append(s) } }
        perIteration = [:]
        if !timed { calls = [:] }
    }

    /// The records, in first-seen order, with descriptors from `graphs`.
    func records(graphs: [NetworkRole: Graph], threads: Int, iterations: Int) -> [OpTimingRecord] {
        order.compactMap { key in
            guard let h = history[key], !h.isEmpty else { return nil }
            let op = graphs[key.network]!.ops[key.opID]
            let cost = op.cost(batch: key.batch, precision: .fp32)
            let pass: PassCost
            if key.pass == "forward" {
                pass = cost.forward
            } else {
                let input = op.inputs.isEmpty ? PassCost() : cost.backwardInput
                pass = (key.weights ? cost.backwardWeight : PassCost()) + input
            }
            let sorted = h.sorted()
            return OpTimingRecord(
                network: key.network.rawValue, phase: key.phase.rawValue, op: op.name, opID: op.id, kind: op.kind.name,
                pass: key.pass, weightGradients: key.weights, inputGradients: key.intoInputs, batch: key.batch,
                inputShapes: op.inputShapes.map(\.dims), outputShape: op.outputShape.dims, parameters: op.parameterCount,
                flops: pass.flops, bytesRead: pass.bytesRead, bytesWritten: pass.bytesWritten, threads: threads,
                precision: "fp32", medianSeconds: sorted[sorted.count / 2], meanSeconds: h.reduce(0, +) / Double(h.count),
                samples: h.count, callsPerIteration: max(1, (calls[key] ?? h.count) / max(h.count, 1)))
        }
    }
}
