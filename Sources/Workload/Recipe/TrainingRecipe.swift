/// How a GAN is trained: the anatomy of one iteration on one device.
///
/// One iteration is `discriminatorSteps` D steps and one G step. Each step runs
/// `accumulation` micro-batches of `batchPerDevice` samples before its optimizer update,
/// so a device contributes `batchPerDevice * accumulation` samples per step.
public struct TrainingRecipe: Sendable, Hashable, Codable {
    /// Samples per micro-batch on one device.
    public var batchPerDevice: Int
    /// Micro-batches accumulated per optimizer step.
    public var accumulation: Int
    /// D steps per iteration (`nDisc`; BigGAN uses 2, StyleGAN2 1).
    public var discriminatorSteps: Int
    public var precision: PrecisionPolicy
    public var optimizer: OptimizerKind
    /// Whether an EMA copy of G's weights is kept and updated after every G step.
    public var ema: Bool
    /// Lazy R1 every this many D steps (StyleGAN2: 16); 0 disables it.
    public var r1Interval: Int
    /// Lazy path-length regularisation every this many G steps (StyleGAN2: 4); 0 disables it.
    public var pathLengthInterval: Int
    /// The path-length batch is the main batch divided by this (StyleGAN2 `pl_batch_shrink` 2).
    public var pathLengthBatchShrink: Int
    /// How the host launches the kernels (nil: eager, the official implementations' way). Only a device profile
    /// with a GPU execution model prices the difference.
    public var hostLaunches: HostLaunchMode?
    /// The implementation whose launches a GPU execution model counts (`ImplementationProfile.named`; nil: the
    /// architecture's official code).
    public var implementation: String?
    /// FreezeD (Mo et al., "Freeze the Discriminator", 2020) when fine-tuning a pretrained GAN: D's first this many
    /// blocks from the image are frozen (`TrainingRecipe+Freezing`); nil: none.
    public var frozenDiscriminatorBlocks: Int?

    public init(
        batchPerDevice: Int = 32, accumulation: Int = 1, discriminatorSteps: Int = 1,
        precision: PrecisionPolicy = PrecisionPolicy(.fp32), optimizer: OptimizerKind = .adam, ema: Bool = false,
        r1Interval: Int = 0, pathLengthInterval: Int = 0, pathLengthBatchShrink: Int = 2
    ) {
        self.batchPerDevice = batchPerDevice
        self.accumulation = accumulation
        self.discriminatorSteps = discriminatorSteps
        self.precision = precision
        self.optimizer = optimizer
        self.ema = ema
        self.r1Interval = r1Interval
        self.pathLengthInterval = pathLengthInterval
        self.pathLengthBatchShrink = pathLengthBatchShrink
    }

    /// The recipe of the architecture's official training code, at a given batch per device.
    ///
    /// BigGAN: 1 D step, 8 accumulations of G and of D, EMA (BigGAN-PyTorch scripts/launch_BigGAN_bs256x8.sh,
    /// `../shared/workloads/biggan-pytorch.md`).
    /// StyleGAN2: 1 D step, EMA, lazy R1 every 16 and path length every 4
    /// (stylegan2-ada-pytorch `D_reg_interval`, `G_reg_interval`), fp16 in the 4 highest
    /// resolutions when a 16-bit precision is asked for (`num_fp16_res = 4`).
    /// StyleGAN3 (NVlabs/stylegan3 training_loop.py, loss.py; `../shared/workloads/stylegan3.md`): Gmain and Dmain every
    /// iteration, R1 every 16, no path length (pl_weight 0) and no style mixing, EMA, Adam, fp16 in the 4 highest
    /// sampling rates of G and resolutions of D when a 16-bit precision is asked for.
    /// StyleGAN-V (universome/stylegan-v, `../shared/workloads/stylegan-v.md`): stylegan2-ada-pytorch's loop with R1
    /// every 16, no path-length penalty (its Greg phase does no work), EMA, fp16 in the 4 highest resolutions.
    /// `--batch` over `--batch-gpu` rounds of both codes are `accumulation`.
    /// DCGAN / mlp-gan / resnet-gan: 1 D step, no EMA (SNGAN uses 5 D steps).
    public static func official(for architecture: Architecture, batchPerDevice: Int, precision: Precision = .fp32)
        -> TrainingRecipe
    {
        switch architecture {
        case .biggan:
            return TrainingRecipe(batchPerDevice: batchPerDevice, accumulation: 8, discriminatorSteps: 1,
                                  precision: PrecisionPolicy(precision), ema: true)
        case .stylegan2:
            let mixed = precision.bytesPerElement < 4
            return TrainingRecipe(batchPerDevice: batchPerDevice, discriminatorSteps: 1,
                                  precision: PrecisionPolicy(precision, highestResolutions: mixed ? 4 : nil), ema: true,
                                  r1Interval: 16, pathLengthInterval: 4)
        case .stylegan3, .styleganV:
            let mixed = precision.bytesPerElement < 4
            return TrainingRecipe(batchPerDevice: batchPerDevice, discriminatorSteps: 1,
                                  precision: PrecisionPolicy(precision, highestResolutions: mixed ? 4 : nil), ema: true,
                                  r1Interval: 16, pathLengthInterval: 0)
        case .resnetGAN:
            return TrainingRecipe(batchPerDevice: batchPerDevice, discriminatorSteps: 5,
                                  precision: PrecisionPolicy(precision))
        case .progan:
            return TrainingRecipe(batchPerDevice: batchPerDevice, precision: PrecisionPolicy(precision), ema: true)
        case .dcgan, .mlpGAN:
            return TrainingRecipe(batchPerDevice: batchPerDevice, precision: PrecisionPolicy(precision))
        }
    }

    /// The recipe with each given field replaced; nil keeps the current value.
    public func overriding(discriminatorSteps: Int? = nil, accumulation: Int? = nil, ema: Bool? = nil,
                           optimizer: OptimizerKind? = nil) -> TrainingRecipe {
        var r = self
        if let discriminatorSteps { r.discriminatorSteps = discriminatorSteps }
        if let accumulation { r.accumulation = accumulation }
        if let ema { r.ema = ema }
        if let optimizer { r.optimizer = optimizer }
        return r
    }

    /// Checks every field, naming the first bad one.
    public func validate() throws(ModelError) {
        func positive(_ name: String, _ v: Int) throws(ModelError) {
            guard v > 0 else { throw .invalid(field: name, value: "\(v)", expected: "a positive integer") }
        }
        func nonNegative(_ name: String, _ v: Int) throws(ModelError) {
            guard v >= 0 else { throw .invalid(field: name, value: "\(v)", expected: "0 (off) or a positive integer") }
        }
        try positive("batch", batchPerDevice)
        try positive("accumulation", accumulation)
        try positive("discriminatorSteps", discriminatorSteps)
        try nonNegative("r1Interval", r1Interval)
        try nonNegative("pathLengthInterval", pathLengthInterval)
        try positive("pathLengthBatchShrink", pathLengthBatchShrink)
        if let n = precision.highestResolutions { try positive("mixedPrecisionResolutions", n) }
    }

    /// Samples one device contributes per optimizer step.
    public var samplesPerStep: Int { batchPerDevice * accumulation }

    /// Iterations after which the pattern of lazy regularisation repeats.
    public var period: Int {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let a = max(1, r1Interval), b = max(1, pathLengthInterval)
        return a / gcd(a, b) * b
    }
}
