import Dispatch

extension Trainer {
    /// Iterations the run does.
    public var totalSteps: Int { options.steps ?? defaults.steps }

    /// Trains for `totalSteps` iterations, calling `progress(step, total, lossD, lossG)`
    /// after each, and summarises the run.
    public func run(progress: ((Int, Int, Double, Double) -> Void)? = nil) -> TrainResult {
        let t0 = DispatchTime.now().uptimeNanoseconds
        for step in 1...totalSteps {
            let (d, g) = trainStep()
            progress?(step, totalSteps, d, g)
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
        return summary(totalSeconds: total)
    }

    /// The result of the iterations run so far.
    func summary(totalSeconds: Double) -> TrainResult {
        let timed = Array(stepSeconds.dropFirst(warmupSteps)).sorted()
        let median = timed.isEmpty ? 0 : timed[timed.count / 2]
        let untimed = Array(untimedSeconds.dropFirst(warmupSteps)).sorted()
        let realPerStep = recipe.batchPerDevice * recipe.accumulation * recipe.discriminatorSteps
        // Training's peak, read before the evaluation below runs G on 2000 samples (its
        // outputs at that batch, 32 KiB per hidden unit of an mlp-gan, are not training's).
        let peakResident = ResourceUsage.peakResidentBytes()
        var modes: Int?, quality: Double?
        if let ring = dataset as? RingDataset {
            let c = ring.evaluate(sample(count: 2000, seed: options.seed &+ 17))
            modes = c.modesCovered
            quality = c.highQualityFraction
        }
        let flops = flopsPerStep
        let last = lossHistory.last ?? (0, 0)
        return TrainResult(
            model: model.name, architecture: options.architecture.rawValue,
            resolution: sampleShape.count == 3 ? sampleShape[1] : 0,
            width: options.width ?? options.architecture.widthKnob.defaultValue, dataset: dataset.name,
            steps: lossHistory.count, batch: recipe.batchPerDevice, threads: options.threads, seed: options.seed,
            discriminatorSteps: recipe.discriminatorSteps, accumulation: recipe.accumulation, ema: recipe.ema,
            loss: loss.rawValue, optimizer: recipe.optimizer.rawValue, precision: "fp32",
            stepSeconds: median, samplesPerSecond: median > 0 ? Double(realPerStep) / median : 0,
            peakResidentBytes: peakResident,
            losses: .init(discriminator: last.discriminator, generator: last.generator),
            modesCovered: modes, highQualityFraction: quality, flopsPerStep: flops,
            achievedGFLOPs: median > 0 ? Double(flops) / median / 1e9 : 0,
            generatorParameters: generator.parameters.count, discriminatorParameters: discriminator.parameters.count,
            warmupSteps: warmupSteps, totalSeconds: totalSeconds,
            untimedSeconds: untimed.isEmpty ? nil : untimed[untimed.count / 2])
    }

    /// The per-sample shape D takes (and G produces).
    var sampleShape: [Int] { model.discriminator.inputs[0].outputShape.dims }
}
