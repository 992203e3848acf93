extension TrainingRecipe {
    /// The ordered work of iteration `iteration` (0-based) on one device.
    ///
    /// D step, per micro-batch: G forward (no saved activations, no grads), D forward on
    /// the real and fake halves together (2B), D backward (weights; no gradient into the
    /// images); after the last micro-batch, D's optimizer. G step, per micro-batch: G
    /// forward, D forward (B), D backward to its input only, G backward; then G's
    /// optimizer and, if enabled, the EMA update. Lazy R1 adds, on its D steps, a D
    /// forward on reals, the input gradient, and the double-backward (priced as one more
    /// D forward and full backward) with its own optimizer update; path-length
    /// regularisation does the same for G at `batchPerDevice / pathLengthBatchShrink`.
    public func workItems(for model: GANModel, iteration: Int) -> [WorkItem] {
        var builder = WorkItemBuilder(model: model, recipe: self)
        let b = batchPerDevice
        for step in 0..<discriminatorSteps {
            for micro in 0..<accumulation {
                let last = micro == accumulation - 1
                builder.forward(.generator, phase: .discriminator, batch: b, step: step, micro: micro)
                builder.forward(.discriminator, phase: .discriminator, batch: 2 * b, step: step, micro: micro)
                builder.backward(.discriminator, phase: .discriminator, batch: 2 * b, step: step, micro: micro,
                                 weights: true, gradientIntoInputs: false, finishesGradients: last)
            }
            builder.update(.discriminator, phase: .discriminator, step: step)
            let globalStep = iteration * discriminatorSteps + step
            if r1Interval > 0 && globalStep % r1Interval == 0 {
                for micro in 0..<accumulation {
                    builder.doubleBackward(.discriminator, phase: .r1, batch: b, step: step, micro: micro,
                                           finishesGradients: micro == accumulation - 1)
                }
                builder.update(.discriminator, phase: .r1, step: step)
            }
        }
        for micro in 0..<accumulation {
            let last = micro == accumulation - 1
            builder.forward(.generator, phase: .generator, batch: b, step: 0, micro: micro)
            builder.forward(.discriminator, phase: .generator, batch: b, step: 0, micro: micro)
            builder.backward(.discriminator, phase: .generator, batch: b, step: 0, micro: micro,
                             weights: false, gradientIntoInputs: true, finishesGradients: false)
            builder.backward(.generator, phase: .generator, batch: b, step: 0, micro: micro,
                             weights: true, gradientIntoInputs: false, finishesGradients: last)
        }
        builder.update(.generator, phase: .generator, step: 0)
        if pathLengthInterval > 0 && iteration % pathLengthInterval == 0 {
            let plBatch = max(1, b / pathLengthBatchShrink)
            for micro in 0..<accumulation {
                builder.doubleBackward(.generator, phase: .pathLength, batch: plBatch, step: 0, micro: micro,
                                       finishesGradients: micro == accumulation - 1)
            }
            builder.update(.generator, phase: .pathLength, step: 0)
        }
        if ema { builder.emaUpdate() }
        return builder.items
    }
}
