import CPUExecution
import Workload

/// The per-architecture defaults of a training run and the checks of user values.
struct TrainDefaults {
    var batch: Int
    var steps: Int
    var dataset: DatasetChoice
    var loss: GANLoss
    var learningRate: Float
    var beta1: Float
    var beta2: Float
    /// Latent width when the user gives none (nil: the architecture's own).
    var latentDim: Int? = nil

    /// DCGAN: the PyTorch example (batch 64, Adam 2e-4, beta1 0.5, BCE). mlp-gan: Adam
    /// 1e-3 (beta1 0.5), batch 256, 5000 iterations and a 4-dimensional z: with Metz et
    /// al.'s 256-dimensional z (`--latent 256`) the plain GAN needs many more iterations
    /// to cover the ring; with z of 4 it covers most of the ring's modes in 5000, more when
    /// sampling from an EMA of G (`--ema true`); docs/cpu-trainer-measurements.md has the counts.
    /// resnet-gan: SNGAN (hinge, Adam 2e-4, betas 0/0.9, batch 64).
    static func of(_ a: Architecture) -> TrainDefaults {
        switch a {
        case .mlpGAN:
            TrainDefaults(batch: 256, steps: 5000, dataset: .ring, loss: .nonSaturating, learningRate: 1e-3,
                          beta1: 0.5, beta2: 0.999, latentDim: 4)
        case .resnetGAN:
            TrainDefaults(batch: 64, steps: 200, dataset: .shapes, loss: .hinge, learningRate: 2e-4, beta1: 0,
                          beta2: 0.9)
        default:
            TrainDefaults(batch: 64, steps: 300, dataset: .shapes, loss: .nonSaturating, learningRate: 2e-4,
                          beta1: 0.5, beta2: 0.999)
        }
    }

    /// Checks the user's values, naming the first bad field.
    static func validate(_ o: TrainOptions) throws(RunnerError) {
        func positive(_ name: String, _ v: Int?) throws(RunnerError) {
            if let v, v <= 0 { throw .invalidOption(field: name, value: "\(v)", expected: "a positive integer") }
        }
        try positive("batch", o.batch)
        try positive("steps", o.steps)
        try positive("threads", o.threads)
        try positive("nDisc", o.discriminatorSteps)
        try positive("accumulation", o.accumulation)
        if let w = o.warmupSteps, w < 0 {
            throw .invalidOption(field: "warmup", value: "\(w)", expected: "0 or a positive integer")
        }
        if let lr = o.learningRate, !(lr > 0 && lr.isFinite) {
            throw .invalidOption(field: "lr", value: "\(lr)", expected: "a positive number")
        }
        // The trainer computes and records everything in fp32: another precision (fp8 above all, which needs fp8
        // matrix units) would be trained in fp32 under the wrong label.
        guard o.precision == .fp32 else {
            throw .invalidOption(field: "precision", value: o.precision.rawValue, expected: "fp32 (the CPU trainer computes in fp32 only)")
        }
        if !(o.emaDecay > 0 && o.emaDecay < 1) {
            throw .invalidOption(field: "emaDecay", value: "\(o.emaDecay)", expected: "a number between 0 and 1")
        }
    }
}
