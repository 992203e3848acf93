/// Expands the passes of a recipe into per-op work items (used by `TrainingRecipe.workItems`).
struct WorkItemBuilder {
    let model: GANModel
    let recipe: TrainingRecipe
    private(set) var items: [WorkItem] = []
    /// Per-network, per-op precision.
    private let precisions: [NetworkRole: [Precision]]

    init(model: GANModel, recipe: TrainingRecipe) {
        self.model = model
        self.recipe = recipe
        var p: [NetworkRole: [Precision]] = [:]
        for role in NetworkRole.allCases {
            let g = model.graph(role)
            p[role] = g.ops.map { recipe.precision.precision(of: $0, in: g) }
        }
        precisions = p
    }

    /// Adds the forward pass of every op of `role`.
    mutating func forward(_ role: NetworkRole, phase: StepPhase, batch: Int, step: Int, micro: Int) {
        let g = model.graph(role)
        let prec = precisions[role]!
        for op in g.ops where op.kind != .input {
            let c = op.cost(batch: batch, precision: prec[op.id])
            items.append(WorkItem(phase: phase, network: role, opID: op.id, pass: .forward, step: step,
                                  microBatch: micro, batch: batch, precision: prec[op.id], cost: c.forward,
                                  gemm: c.gemm, gradientBytes: 0))
        }
    }

    /// Adds the backward pass of `role` in reverse op order.
    ///
    /// - Parameters:
    ///   - weights: whether parameter gradients are computed.
    ///   - gradientIntoInputs: whether the gradient must reach the graph inputs (D in the G step).
    ///   - finishesGradients: whether this micro-batch completes the step's gradients.
    mutating func backward(
        _ role: NetworkRole, phase: StepPhase, batch: Int, step: Int, micro: Int, weights: Bool,
        gradientIntoInputs: Bool, finishesGradients: Bool
    ) {
        let g = model.graph(role)
        let prec = precisions[role]!
        for op in g.ops.reversed() where op.kind != .input {
            let c = op.cost(batch: batch, precision: prec[op.id])
            let fedOnlyByInputs = op.inputs.allSatisfy { g.ops[$0].kind == .input }
            if !op.inputs.isEmpty && (gradientIntoInputs || !fedOnlyByInputs) && !c.backwardInput.isEmpty {
                items.append(WorkItem(phase: phase, network: role, opID: op.id, pass: .backwardInput, step: step,
                                      microBatch: micro, batch: batch, precision: prec[op.id], cost: c.backwardInput,
                                      gemm: c.gemm, gradientBytes: 0))
            }
            if weights && op.hasParameters {
                items.append(WorkItem(phase: phase, network: role, opID: op.id, pass: .backwardWeight, step: step,
                                      microBatch: micro, batch: batch, precision: prec[op.id],
                                      cost: c.backwardWeight, gemm: c.gemm,
                                      gradientBytes: finishesGradients ? 4 * op.parameterCount : 0))
            }
        }
    }

    /// Adds a gradient-penalty pass: forward, input gradient with a graph kept for the
    /// second derivative, then the double backward priced as one more forward and full backward.
    mutating func doubleBackward(_ role: NetworkRole, phase: StepPhase, batch: Int, step: Int, micro: Int,
                                 finishesGradients: Bool) {
        forward(role, phase: phase, batch: batch, step: step, micro: micro)
        backward(role, phase: phase, batch: batch, step: step, micro: micro, weights: false,
                 gradientIntoInputs: true, finishesGradients: false)
        forward(role, phase: phase, batch: batch, step: step, micro: micro)
        backward(role, phase: phase, batch: batch, step: step, micro: micro, weights: true,
                 gradientIntoInputs: true, finishesGradients: finishesGradients)
    }

    /// Adds the optimizer update of `role`: reads parameters, fp32 gradients and state,
    /// writes parameters and state (and the 16-bit working copy under mixed precision).
    mutating func update(_ role: NetworkRole, phase: StepPhase, step: Int) {
        let params = model.graph(role).parameterCount
        let state = recipe.optimizer.stateTensors
        let halfCopy = recipe.precision.precision.usesMasterWeights ? 2 * params : 0
        let cost = PassCost(flops: recipe.optimizer.flopsPerParameter * params,
                            bytesRead: (2 + state) * 4 * params, bytesWritten: (1 + state) * 4 * params + halfCopy)
        items.append(WorkItem(phase: phase, network: role, opID: nil, pass: .optimizer, step: step, microBatch: 0,
                              batch: 0, precision: .fp32, cost: cost, gemm: nil, gradientBytes: 0))
    }

    /// Adds the EMA update of G's weights (`ema = beta * ema + (1 - beta) * w`: 3 FLOPs per parameter).
    mutating func emaUpdate() {
        let params = model.generator.parameterCount
        items.append(WorkItem(phase: .generator, network: .generator, opID: nil, pass: .ema, step: 0, microBatch: 0,
                              batch: 0, precision: .fp32,
                              cost: PassCost(flops: 3 * params, bytesRead: 8 * params, bytesWritten: 4 * params),
                              gemm: nil, gradientBytes: 0))
    }
}
