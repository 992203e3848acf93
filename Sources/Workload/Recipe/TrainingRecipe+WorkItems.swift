extension TrainingRecipe {
    /// The ordered segments of iteration `iteration` (0-based) on one device.
    ///
    /// D step, per micro-batch: G forward (no saved activations, no grads), D forward on
    /// the real and fake halves together (2B), D backward (weights; no gradient into the
    /// images); after the last micro-batch, D's optimizer. G step, per micro-batch: G
    /// forward, D forward (B), D backward to its input only, G backward; then G's
    /// optimizer and, if enabled, the EMA update. Lazy R1 adds, on its D steps, a D
    /// forward on reals, the input gradient taken with `create_graph`, and the double
    /// backward (`RecipeSegment.Kind.doubleBackward`) with its own optimizer update;
    /// path-length regularisation does the same for G at `batchPerDevice / pathLengthBatchShrink`
    /// (stylegan2-ada-pytorch training/loss.py, phases Dreg and Greg).
    public func segments(iteration: Int) -> [RecipeSegment] {
        var out: [RecipeSegment] = []
        func add(_ phase: StepPhase, _ net: NetworkRole, _ kind: RecipeSegment.Kind, batch: Int = 0, step: Int = 0,
                 micro: Int = 0, finishes: Bool = false) {
            out.append(RecipeSegment(phase: phase, network: net, kind: kind, batch: batch, step: step,
                                     microBatch: micro, finishesGradients: finishes))
        }
        /// Gradient penalty: forward, input gradient keeping the graph, then the double backward.
        func penalty(_ phase: StepPhase, _ net: NetworkRole, batch: Int, step: Int) {
            for micro in 0..<accumulation {
                add(phase, net, .forward, batch: batch, step: step, micro: micro)
                add(phase, net, .backward(weights: false, intoInputs: true), batch: batch, step: step, micro: micro)
                add(phase, net, .doubleBackward, batch: batch, step: step, micro: micro,
                    finishes: micro == accumulation - 1)
            }
            add(phase, net, .update, step: step)
        }
        let b = batchPerDevice
        for step in 0..<discriminatorSteps {
            for micro in 0..<accumulation {
                add(.discriminator, .generator, .forward, batch: b, step: step, micro: micro)
                add(.discriminator, .discriminator, .forward, batch: 2 * b, step: step, micro: micro)
                add(.discriminator, .discriminator, .backward(weights: true, intoInputs: false), batch: 2 * b,
                    step: step, micro: micro, finishes: micro == accumulation - 1)
            }
            add(.discriminator, .discriminator, .update, step: step)
            if r1Interval > 0 && (iteration * discriminatorSteps + step) % r1Interval == 0 {
                penalty(.r1, .discriminator, batch: b, step: step)
            }
        }
        for micro in 0..<accumulation {
            add(.generator, .generator, .forward, batch: b, micro: micro)
            add(.generator, .discriminator, .forward, batch: b, micro: micro)
            add(.generator, .discriminator, .backward(weights: false, intoInputs: true), batch: b, micro: micro)
            add(.generator, .generator, .backward(weights: true, intoInputs: false), batch: b, micro: micro,
                finishes: micro == accumulation - 1)
        }
        add(.generator, .generator, .update)
        if pathLengthInterval > 0 && iteration % pathLengthInterval == 0 {
            penalty(.pathLength, .generator, batch: max(1, b / pathLengthBatchShrink), step: 0)
        }
        if ema { add(.generator, .generator, .ema) }
        return out
    }

    /// The ordered work items of iteration `iteration` on one device: `segments` expanded per op.
    public func workItems(for model: GANModel, iteration: Int) -> [WorkItem] {
        let builder = WorkItemBuilder(model: model, recipe: self)
        return segments(iteration: iteration).flatMap { builder.items(for: $0) }
    }
}
