import CPUExecution
import Workload

/// Collects per-op wall times per recipe segment over the timed iterations and turns
/// them into `OpTimingRecord`s with the ops' cost descriptors.
final class OpTimer {
    /// Seconds per key for each timed iteration (summed within the iteration).
    private var perIteration: [OpTimingKey: Double] = [:]
    private var calls: [OpTimingKey: Int] = [:]
    /// Keys whose pass split a loop or product across threads in some timed iteration.
    private var split: Set<OpTimingKey> = []
    private var history: [OpTimingKey: [Double]] = [:]
    private var order: [OpTimingKey] = []
    private var seen: Set<OpTimingKey> = []
    /// Whole-network items (optimizer step, EMA) by their key (negative op ids): the op
    /// kind name and the cost the cost model prices them at.
    private var wholeNetwork: [OpTimingKey: (kind: String, cost: PassCost, parameters: Int)] = [:]

    /// Adds the wall time of a whole-network item (optimizer update or EMA) of one segment,
    /// and whether it split its loop across threads.
    func harvestUpdate(role: NetworkRole, phase: StepPhase, pass: PassKind, kind: String, cost: PassCost,
                       parameters: Int, seconds: Double, split didSplit: Bool) {
        let key = OpTimingKey(phase: phase, network: role, opID: pass == .ema ? -2 : -1, pass: pass.rawValue,
                              weights: false, intoInputs: false, batch: 0)
        if seen.insert(key).inserted { order.append(key) }
        wholeNetwork[key] = (kind, cost, parameters)
        perIteration[key, default: 0] += seconds
        calls[key, default: 0] += 1
        if didSplit { splitNow.insert(key) }
        iterationSeconds += seconds
    }

    /// Keys that split across threads in the current iteration.
    private var splitNow: Set<OpTimingKey> = []

    /// Seconds harvested so far in the current iteration (ops and whole-network items).
    private(set) var iterationSeconds = 0.0

    /// Adds the times (and split flags) a network accumulated during one segment.
    func harvest(_ net: Network, role: NetworkRole, phase: StepPhase, backward: (weights: Bool, intoInputs: Bool)?, batch: Int) {
        let times = backward == nil ? net.forwardSeconds : net.backwardSeconds
        let splits = backward == nil ? net.forwardSplit : net.backwardSplit
        for (id, s) in times.enumerated() where s > 0 {
            let key = OpTimingKey(phase: phase, network: role, opID: id, pass: backward == nil ? "forward" : "backward",
                                  weights: backward?.weights ?? false, intoInputs: backward?.intoInputs ?? false, batch: batch)
            if seen.insert(key).inserted { order.append(key) }
            perIteration[key, default: 0] += s
            calls[key, default: 0] += 1
            if splits[id] { splitNow.insert(key) }
            iterationSeconds += s
        }
        net.resetTimes()
    }

    /// Closes an iteration: keeps its sums if `timed`, else drops them.
    func endIteration(timed: Bool) {
        if timed {
            for (k, s) in perIteration { history[k, default: []].append(s) }
            split.formUnion(splitNow)
        }
        perIteration = [:]
        splitNow = []
        iterationSeconds = 0
        if !timed { calls = [:] }
    }

    /// The records, in first-seen order, with descriptors from `graphs`; a pass that never
    /// split across threads records 1 thread (`threads` otherwise).
    func records(graphs: [NetworkRole: Graph], threads: Int, iterations: Int) -> [OpTimingRecord] {
        order.compactMap { key in
            guard let h = history[key], !h.isEmpty else { return nil }
            let threads = split.contains(key) ? threads : 1
            let sorted = h.sorted()
            if let w = wholeNetwork[key] {
                return OpTimingRecord(
                    network: key.network.rawValue, phase: key.phase.rawValue, op: key.pass, opID: key.opID, kind: w.kind,
                    pass: key.pass, weightGradients: false, inputGradients: false, batch: key.batch, inputShapes: [],
                    outputShape: [], parameters: w.parameters, flops: w.cost.flops, executedFlops: w.cost.flops,
                    bytesRead: w.cost.bytesRead,
                    bytesWritten: w.cost.bytesWritten, columnBytes: 0, columnSegments: 0, threads: threads, precision: "fp32",
                    medianSeconds: sorted[sorted.count / 2], meanSeconds: h.reduce(0, +) / Double(h.count),
                    samples: h.count, callsPerIteration: max(1, (calls[key] ?? h.count) / max(h.count, 1)))
            }
            let graph = graphs[key.network]!
            let op = graph.ops[key.opID]
            let cost = op.cost(batch: key.batch, precision: .fp32)
            // Input gradients by the cost model's rule (`Graph.computesInputGradients`, as
            // `WorkItemBuilder` prices them); weight gradients only if asked and present.
            let requires = graph.gradientRequirements(weights: key.weights, intoInputs: key.intoInputs)
            let inputGradients = graph.computesInputGradients(op, requires: requires)
            let weightGradients = key.weights && op.hasParameters
            // The op's passes this record times; a backward's time also includes the gradients it summed into forked
            // inputs.
            let parts: [(PassKind, PassCost)] = key.pass == "forward" ? [(.forward, cost.forward)]
                : (weightGradients ? [(.backwardWeight, cost.backwardWeight)] : [])
                    + (inputGradients ? [(.backwardInput, cost.backwardInput)] : [])
            let accumulation = key.pass == "forward" ? PassCost()
                : graph.gradientAccumulation(into: op, batch: key.batch, requires: requires)
            let pass = parts.reduce(accumulation) { $0 + $1.1 }
            let executed = parts.reduce(accumulation.flops) {
                $0 + ConvolutionLayout.executedFlops(of: op, pass: $1.0, flops: $1.1.flops, block: VectorUnit.hostLanes)
            }
            let conversions = parts.reduce(ConvolutionLayout.conversionBytes(op.kind.opClass, cost: accumulation)) {
                $0 + ConvolutionLayout.conversionBytes(of: op, pass: $1.0, cost: $1.1, batch: key.batch,
                                                       block: VectorUnit.hostLanes)
            }
            return OpTimingRecord(
                network: key.network.rawValue, phase: key.phase.rawValue, op: op.name, opID: op.id, kind: op.kind.name,
                pass: key.pass, weightGradients: key.weights, inputGradients: key.intoInputs, batch: key.batch,
                inputShapes: op.inputShapes.map(\.dims), outputShape: op.outputShape.dims, parameters: op.parameterCount,
                flops: pass.flops, executedFlops: executed, bytesRead: pass.bytesRead, bytesWritten: pass.bytesWritten,
                columnBytes: conversions, columnSegments: 0,
                threads: threads,
                precision: "fp32", medianSeconds: sorted[sorted.count / 2], meanSeconds: h.reduce(0, +) / Double(h.count),
                samples: h.count, callsPerIteration: max(1, (calls[key] ?? h.count) / max(h.count, 1)))
        }
    }
}
