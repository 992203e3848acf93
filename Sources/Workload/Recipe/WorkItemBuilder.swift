/// Expands recipe segments into per-op work items for one model.
public struct WorkItemBuilder: Sendable {
    public let model: GANModel
    public let recipe: TrainingRecipe
    /// Per-network, per-op precision.
    private let precisions: [NetworkRole: [Precision]]

    public init(model: GANModel, recipe: TrainingRecipe) {
        self.model = model
        self.recipe = recipe
        var p: [NetworkRole: [Precision]] = [:]
        for role in NetworkRole.allCases {
            let g = model.graph(role)
            let top = g.ops.map(\.resolution).max() ?? 0
            p[role] = g.ops.map { recipe.precision.precision(of: $0, topResolution: top) }
        }
        precisions = p
    }

    /// The work items of one segment, in execution order.
    public func items(for s: RecipeSegment) -> [WorkItem] {
        let g = model.graph(s.network)
        let prec = precisions[s.network]!
        func item(_ op: Op?, _ pass: PassKind, _ cost: PassCost, gemm: GemmShape? = nil, gradientBytes: Int = 0,
                  precision: Precision = .fp32) -> WorkItem {
            WorkItem(phase: s.phase, network: s.network, opID: op?.id, opClass: op?.kind.opClass ?? .update, pass: pass, step: s.step,
                     microBatch: s.microBatch, batch: s.batch, precision: precision, cost: cost, gemm: gemm,
                     gradientBytes: gradientBytes)
        }
        switch s.kind {
        case .doubleBackward:
            // One forward's products (derivatives with respect to the first backward's output gradients), then the
            // full backward; see `RecipeSegment.Kind.doubleBackward`.
            var forward = s, backward = s
            forward.kind = .forward
            forward.finishesGradients = false
            backward.kind = .backward(weights: true, intoInputs: true)
            return items(for: forward) + items(for: backward)
        case .forward:
            return g.ops.compactMap { op in
                guard op.kind != .input else { return nil }
                let c = op.cost(batch: s.batch, precision: prec[op.id])
                return item(op, .forward, c.forward, gemm: c.gemm, precision: prec[op.id])
            }
        case .backward(let weights, let intoInputs):
            var out: [WorkItem] = []
            let requires = recipe.gradientRequirements(of: s.network, in: g, weights: weights, intoInputs: intoInputs)
            let frozen = recipe.frozenOps(of: s.network, in: g)
            for op in g.ops.reversed() where op.kind != .input {
                let c = op.cost(batch: s.batch, precision: prec[op.id])
                // The input gradients, and the sums of them into values other ops read too.
                let inputs = g.computesInputGradients(op, requires: requires)
                let sums = g.gradientAccumulation(into: op, batch: s.batch, requires: requires) { prec[$0.id] }
                let backwardInput = (inputs ? c.backwardInput : PassCost()) + sums
                if !backwardInput.isEmpty {
                    out.append(item(op, .backwardInput, backwardInput, gemm: c.gemm, precision: prec[op.id]))
                }
                if weights && op.hasParameters && !frozen.contains(op.id) {
                    out.append(item(op, .backwardWeight, c.backwardWeight, gemm: c.gemm,
                                    gradientBytes: s.finishesGradients ? 4 * op.parameterCount : 0,
                                    precision: prec[op.id]))
                }
            }
            return out
        case .update:
            // Reads parameters, fp32 gradients and state; writes parameters and state (and
            // the 16-bit working copy under mixed precision).
            let params = recipe.trainableParameterCount(of: s.network, in: g)
            let state = recipe.optimizer.stateTensors
            let halfCopy = recipe.precision.precision.usesMasterWeights ? 2 * params : 0
            return [item(nil, .optimizer, PassCost(
                flops: recipe.optimizer.flopsPerParameter * params, bytesRead: (2 + state) * 4 * params,
                bytesWritten: (1 + state) * 4 * params + halfCopy))]
        case .ema:
            // ema = beta * ema + (1 - beta) * w: 3 FLOPs per parameter.
            let params = g.parameterCount
            return [item(nil, .ema, PassCost(flops: 3 * params, bytesRead: 8 * params, bytesWritten: 4 * params))]
        }
    }

    /// FLOPs and bytes of a whole segment: the sum of its work items' costs.
    public func cost(of segment: RecipeSegment) -> PassCost {
        items(for: segment).reduce(PassCost()) { $0 + $1.cost }
    }
}
