import CPUExecution
import Workload
import Dispatch
import Foundation

/// Trains a GAN built from the CostModel graphs on the CPU, executing the segments of
/// the same `TrainingRecipe` that the cost model prices.
///
/// D's step forwards the real and fake halves as one batch of 2B, as the recipe prices
/// it; its batch norms normalise the two halves separately, which is what the PyTorch
/// DCGAN example's separate real and fake passes compute (one shared normalisation lets
/// D tell the halves apart by batch statistics alone, and G's step then fools it
/// without learning anything).
public final class Trainer {
    public let options: TrainOptions
    public let model: GANModel
    public let recipe: TrainingRecipe
    public let generator: Network
    public let discriminator: Network
    public internal(set) var dataset: any Dataset
    public let loss: GANLoss
    /// Losses `(D, G)` of every iteration run so far.
    public private(set) var lossHistory: [(discriminator: Double, generator: Double)] = []
    /// Wall seconds of every iteration run so far.
    public private(set) var stepSeconds: [Double] = []
    /// CPU seconds of the process (all threads) in every iteration run so far.
    public private(set) var stepCPUSeconds: [Double] = []
    /// Wall seconds of every iteration outside its timed ops and updates.
    public private(set) var untimedSeconds: [Double] = []
    let defaults: TrainDefaults
    let ema: ExponentialMovingAverage?
    let timer = OpTimer()
    private let rng: SeededRandom
    private let gOptimizer: any Optimizer, dOptimizer: any Optimizer
    private let latent: Int
    private var iteration = 0
    /// Fills each latent batch instead of the seeded normal draws (tests feeding PyTorch's latents).
    var latentSource: ((Tensor) -> Void)?
    /// Data parallelism: the rows of the global batch (of `batch * shard.count` samples)
    /// this process computes; nil for a single process. Set before the first step.
    public var shard: BatchShard?
    /// Data parallelism: averages gradients and losses across processes; nil for a
    /// single process. Set before the first step.
    public var synchronizer: (any GradientSynchronizer)? {
        didSet {
            generator.onWeightGradientsReady = synchronizer.map { s in { s.gradientsReady(.generator, opID: $0) } }
            discriminator.onWeightGradientsReady = synchronizer.map { s in { s.gradientsReady(.discriminator, opID: $0) } }
        }
    }
    /// Cost-model prices of the optimizer and EMA segments, by network and pass.
    private var updateCosts: [String: PassCost] = [:]
    private var buffers = (z: TensorCache(), real: TensorCache(), dInput: TensorCache(), grad: TensorCache(),
                           globalZ: TensorCache(), globalReal: TensorCache())

    /// Builds the model, its networks, the dataset and the optimizers.
    ///
    /// - Throws: `RunnerError` naming the bad option, the unsupported op, or the data
    ///   problem.
    public init(_ options: TrainOptions) throws(RunnerError) {
        try TrainDefaults.validate(options)
        self.options = options
        let d = TrainDefaults.of(options.architecture)
        defaults = d
        do { model = try options.modelConfig.build() } catch { throw .model(error) }
        let r = options.recipe
        guard r.r1Interval == 0, r.pathLengthInterval == 0 else {
            throw .unsupportedGraph(name: model.name, reason: "lazy R1 / path-length regularisation is not implemented in the CPU trainer")
        }
        recipe = r
        Parallel.setThreads(options.threads)
        HeapRetention.enable()
        let initRNG = SeededRandom(seed: options.seed)
        let scheme: InitScheme = options.architecture == .dcgan ? .dcgan : .pytorchDefault
        let workspace = Workspace()
        generator = try Network(graph: model.generator, scheme: scheme, rng: initRNG, workspace: workspace)
        discriminator = try Network(graph: model.discriminator, scheme: scheme, rng: initRNG, workspace: workspace)
        latent = model.generator.inputs[0].outputShape.elementCount
        dataset = try Self.makeDataset(options.dataset ?? d.dataset, shape: model.discriminator.inputs[0].outputShape.dims,
                                       model: model.name)
        loss = options.loss ?? d.loss
        let lr = options.learningRate ?? d.learningRate
        switch r.optimizer {
        case .adam:
            gOptimizer = Adam(learningRate: lr, beta1: d.beta1, beta2: d.beta2)
            dOptimizer = Adam(learningRate: lr, beta1: d.beta1, beta2: d.beta2)
        case .sgd:
            gOptimizer = SGD(learningRate: lr, momentum: 0.9)
            dOptimizer = SGD(learningRate: lr, momentum: 0.9)
        }
        ema = r.ema ? ExponentialMovingAverage(generator.parameters, decay: options.emaDecay) : nil
        rng = SeededRandom(seed: options.seed &+ 0x9E37_79B9)
    }

    /// The dataset for `choice`, checked against the per-sample shape D expects.
    static func makeDataset(_ choice: DatasetChoice, shape: [Int], model: String) throws(RunnerError) -> any Dataset {
        let ds: any Dataset
        switch choice {
        case .ring:
            ds = RingDataset()
        case .shapes:
            guard shape.count == 3, shape[0] == 3, shape[1] == shape[2] else {
                throw .datasetMismatch(dataset: "shapes", reason: "it gives 3-channel square images; \(model) takes samples of shape \(shape)")
            }
            ds = try ShapesDataset(resolution: shape[1])
        case .path(let p):
            guard shape.count == 3, shape[1] == shape[2] else {
                throw .datasetMismatch(dataset: p, reason: "it gives images; \(model) takes samples of shape \(shape)")
            }
            if p.lowercased().hasSuffix(".png") {
                throw .badData(path: p, reason: "expected a folder of PNG files or an IDX file, not a single PNG")
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                throw .badData(path: p, reason: "no such file or folder (expected ring, shapes, a folder of PNG files or an MNIST-format IDX file)")
            }
            if isDir.boolValue {
                ds = try ImageSetDataset.pngFolder(p, resolution: shape[1], channels: shape[0])
            } else {
                ds = try ImageSetDataset.idx(p, resolution: shape[1], channels: shape[0])
            }
        }
        guard ds.sampleShape == shape else {
            throw .datasetMismatch(dataset: ds.name, reason: "it gives samples of shape \(ds.sampleShape); \(model) takes \(shape)")
        }
        return ds
    }

    /// Runs one iteration (the recipe's segments) and returns its losses.
    @discardableResult
    public func trainStep() -> (discriminator: Double, generator: Double) {
        let t0 = DispatchTime.now().uptimeNanoseconds, cpu0 = Self.processCPUSeconds()
        let b = recipe.batchPerDevice
        let scale = 1 / Float(recipe.accumulation)
        let z = buffers.z.get([b, latent])
        let real = buffers.real.get([b] + sampleShape)
        let dInput = buffers.dInput.get([2 * b] + sampleShape)
        var fake: Tensor?
        var dFake: Tensor?
        var logits: Tensor?
        var lossD = 0.0, lossG = 0.0
        let n = real.count
        for seg in recipe.segments(iteration: iteration) {
            let net = seg.network == .generator ? generator : discriminator
            switch (seg.phase, seg.network, seg.kind) {
            case (.discriminator, .generator, .forward), (.generator, .generator, .forward):
                fillShard(z, from: &buffers.globalZ) { if let latentSource { latentSource($0) } else { rng.fillGaussian($0) } }
                fake = generator.forward(z)
            case (.discriminator, .discriminator, .forward):
                fillShard(real, from: &buffers.globalReal) { dataset.fill($0, rng: rng) }
                dInput.data.update(from: real.data, count: n)
                (dInput.data + n).update(from: fake!.data, count: n)
                // Real and fake halves get their own batch-norm statistics (the PyTorch
                // DCGAN example's two D passes) in one pass of 2B samples.
                discriminator.setBatchNormGroups(2)
                logits = discriminator.forward(dInput)
            case (.discriminator, .discriminator, .backward):
                let grad = Tensor(shape: logits!.shape)
                let (lr, lf) = discriminatorLoss(logits!, grad: grad, scale: scale)
                if seg.microBatch == 0 { lossD = 0 }
                lossD += (lr + lf) / Double(recipe.accumulation)
                synchronizer?.backwardWillStart(.discriminator, parameters: discriminator.parameters,
                                                finishesGradients: seg.finishesGradients)
                discriminator.backward(grad, inputGradient: false, weightGradients: true)
            case (.generator, .discriminator, .forward):
                discriminator.setBatchNormGroups(1)
                logits = discriminator.forward(fake!)
            case (.generator, .discriminator, .backward):
                let grad = Tensor(shape: logits!.shape)
                if seg.microBatch == 0 { lossG = 0 }
                lossG += loss.generator(logits!, grad: grad, scale: scale) / Double(recipe.accumulation)
                dFake = discriminator.backward(grad, inputGradient: true, weightGradients: false)!.clone()
            case (.generator, .generator, .backward):
                synchronizer?.backwardWillStart(.generator, parameters: generator.parameters,
                                                finishesGradients: seg.finishesGradients)
                generator.backward(dFake!, inputGradient: false, weightGradients: true)
            case (_, _, .update):
                synchronizer?.synchronize(seg.network, parameters: net.parameters)
                let u0 = DispatchTime.now().uptimeNanoseconds, s0 = Parallel.splits
                (seg.network == .generator ? gOptimizer : dOptimizer).step(net.parameters)
                net.parameters.zeroGradients()
                timeUpdate(seg, pass: .optimizer, kind: recipe.optimizer.rawValue, since: u0, splitsBefore: s0)
            case (_, _, .ema):
                let u0 = DispatchTime.now().uptimeNanoseconds, s0 = Parallel.splits
                ema?.update(generator.parameters)
                if ema != nil { timeUpdate(seg, pass: .ema, kind: "ema", since: u0, splitsBefore: s0) }
            default:
                preconditionFailure("recipe segment \(seg) has no CPU implementation")
            }
            switch seg.kind {
            case .forward:
                timer.harvest(net, role: seg.network, phase: seg.phase, backward: nil, batch: seg.batch)
            case .backward(let w, let i):
                timer.harvest(net, role: seg.network, phase: seg.phase, backward: (w, i), batch: seg.batch)
            default: break
            }
        }
        if let synchronizer { (lossD, lossG) = synchronizer.averageLosses(lossD, lossG) }
        iteration += 1
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
        stepSeconds.append(seconds)
        stepCPUSeconds.append(Self.processCPUSeconds() - cpu0)
        untimedSeconds.append(seconds - timer.iterationSeconds)
        lossHistory.append((lossD, lossG))
        timer.endIteration(timed: iteration > warmupSteps)
        return (lossD, lossG)
    }

    /// Records the wall time of a whole-network segment (optimizer step, EMA) since `start`
    /// with the cost the cost model prices it at, and whether it split its loop across
    /// threads (`Parallel.splits` moved from `splitsBefore`).
    private func timeUpdate(_ seg: RecipeSegment, pass: PassKind, kind: String, since start: UInt64, splitsBefore: Int) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        // Priced once per network and pass (first iteration), so timing adds no work to later steps.
        let key = "\(seg.network.rawValue) \(pass.rawValue)"
        let cost = updateCosts[key] ?? WorkItemBuilder(model: model, recipe: recipe).cost(of: seg)
        updateCosts[key] = cost
        timer.harvestUpdate(role: seg.network, phase: seg.phase, pass: pass, kind: kind, cost: cost,
                            parameters: (seg.network == .generator ? generator : discriminator).parameters.count,
                            seconds: seconds, split: Parallel.splits != splitsBefore)
    }

    /// Fills `shard`'s rows of `t` (`(b, ...)`): with no shard, `fill(t)`; else `fill` on
    /// the global batch `(b * shard.count, ...)` and a copy of this process's rows.
    private func fillShard(_ t: Tensor, from cache: inout TensorCache, _ fill: (Tensor) -> Void) {
        guard let shard, shard.count > 1 else { return fill(t) }
        let global = cache.get([t.shape[0] * shard.count] + t.shape.dropFirst())
        fill(global)
        t.data.update(from: global.data + shard.index * t.count, count: t.count)
    }

    /// D's loss on a `(2B, 1)` batch of real-then-fake logits; writes its gradient.
    private func discriminatorLoss(_ logits: Tensor, grad: Tensor, scale: Float) -> (Double, Double) {
        let b = logits.batch / 2
        let realLogits = Tensor(shape: [b, 1]), fakeLogits = Tensor(shape: [b, 1])
        realLogits.data.update(from: logits.data, count: b)
        fakeLogits.data.update(from: logits.data + b, count: b)
        let gr = Tensor(shape: [b, 1]), gf = Tensor(shape: [b, 1])
        let lr = loss.discriminatorReal(realLogits, grad: gr, scale: scale)
        let lf = loss.discriminatorFake(fakeLogits, grad: gf, scale: scale)
        grad.data.update(from: gr.data, count: b)
        (grad.data + b).update(from: gf.data, count: b)
        return (lr, lf)
    }

    /// CPU seconds the process has used so far, all threads together.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Iterations excluded from timing statistics.
    public var warmupSteps: Int {
        let steps = options.steps ?? defaults.steps
        return min(options.warmupSteps ?? min(3, steps / 10), max(steps - 1, 0))
    }

    /// `count` samples from G (its EMA weights when EMA is on) for latents drawn from a
    /// generator seeded with `seed`; `(count, sampleShape...)`.
    public func sample(count: Int, seed: UInt64) -> Tensor {
        let z = Tensor(shape: [count, latent])
        SeededRandom(seed: seed).fillGaussian(z)
        let saved = ema.map { _ in generator.parameters.values.clone() }
        if let ema { generator.parameters.values.copy(from: ema.values) }
        let timing = generator.timing
        generator.timing = false
        let out = generator.forward(z).clone()
        generator.timing = timing
        if let saved { generator.parameters.values.copy(from: saved) }
        generator.resetTimes()
        return out
    }

    /// The per-op timing records of the timed iterations so far.
    public func opRecords() -> [OpTimingRecord] {
        timer.records(graphs: [.generator: model.generator, .discriminator: model.discriminator],
                      threads: options.threads, iterations: max(0, iteration - warmupSteps))
    }

    /// FLOPs of one iteration as the cost model counts them.
    public var flopsPerStep: Int {
        recipe.workItems(for: model, iteration: 0).reduce(0) { $0 + $1.cost.flops }
    }
}
