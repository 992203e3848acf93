/// The largest models and recipes gansim prices, stated up front so that a size beyond them is refused with the
/// limit named instead of overflowing integer arithmetic or running for hours.
///
/// Invariant: within these limits every integer product the cost model forms (FLOPs and bytes of an op times a
/// batch, summed over a segment's passes, times accumulation and D steps) stays below `Int.max` with a margin of
/// more than 50x: per-sample FLOPs of one pass are at most `maximumFLOPsPerSample` (1e13) and a batch at most
/// `maximumBatch` (16,384), so one pass is at most 1.6e17 FLOPs.
public enum WorkloadLimits {
    /// Pixels per side of the output image.
    public static let maximumResolution = 8192
    /// The architecture's width knob (channels, hidden units or StyleGAN2's `channel_base`).
    public static let maximumWidth = 1 << 20
    /// Latent dimension and number of classes.
    public static let maximumLatent = 1 << 20
    /// Frames per video of a video GAN: StyleGAN-V trains on 3, and its time encoder embeds gaps up to
    /// `max_num_frames` (1024, assumed in `StyleGANVBuilder`).
    public static let maximumFrames = 1024
    /// Samples per device per micro-batch.
    public static let maximumBatch = 16_384
    /// Micro-batches accumulated per optimizer step, and D steps per iteration.
    public static let maximumRepeats = 1024
    /// Iterations between lazy regularisation steps (R1, path length).
    public static let maximumInterval = 1000
    /// Iterations of the lazy-regularisation period (the least common multiple of the two intervals), which the
    /// pricing walks once.
    public static let maximumPeriod = 10_000
    /// FLOPs of one forward pass of G and D together, per sample: 25x StyleGAN2 at 1024 pixels.
    public static let maximumFLOPsPerSample = 1e13

    /// Checks the knobs of `config` before anything is built; errors name the knob and its limit.
    public static func check(_ config: ModelConfig) throws(ModelError) {
        try atMost("resolution", config.resolution, maximumResolution)
        try atMost("width", config.width, maximumWidth)
        try atMost("latent", config.latentDim, maximumLatent)
        try atMost("classes", config.classes, maximumLatent)
        try atMost("mappingLayers", config.mappingLayers, 64)
        try atMost("attentionResolution", config.attentionResolution, maximumResolution)
        try atMost("frames", config.frames, maximumFrames)
    }

    /// Checks a built model's size: the FLOPs of one forward pass per sample, bounded in floating point from each
    /// op's parameters and output size (so that the check itself cannot overflow).
    public static func check(_ model: GANModel, config: ModelConfig) throws(ModelError) {
        var flops = 0.0
        for graph in [model.generator, model.discriminator] {
            for op in graph.ops {
                let pixels = Double(max(1, op.outputShape.height * op.outputShape.width))
                flops += 2 * Double(op.parameterCount) * pixels + 16 * Double(op.outputShape.elementCount)
            }
        }
        guard flops <= maximumFLOPsPerSample else {
            let field = config.width != nil ? "width" : "resolution"
            let value = config.width ?? config.resolution ?? 0
            throw .invalid(
                field: field, value: "\(value)",
                expected: "a smaller model: this one needs about \(Self.scientific(flops)) FLOPs per sample per pass, and gansim prices up to \(Self.scientific(maximumFLOPsPerSample)) (25x StyleGAN2 at 1024 pixels)")
        }
    }

    /// Checks a recipe's repeat counts and batch; errors name the recipe field and its limit.
    public static func check(_ recipe: TrainingRecipe) throws(ModelError) {
        try atMost("batchPerDevice", recipe.batchPerDevice, maximumBatch)
        try atMost("accumulation", recipe.accumulation, maximumRepeats)
        try atMost("discriminatorSteps", recipe.discriminatorSteps, maximumRepeats)
        try atMost("r1Interval", recipe.r1Interval, maximumInterval)
        try atMost("pathLengthInterval", recipe.pathLengthInterval, maximumInterval)
        try atMost("mixedPrecisionResolutions", recipe.precision.highestResolutions, 64)
        let period = recipe.period
        guard period <= maximumPeriod else {
            throw .invalid(
                field: "r1Interval", value: "\(recipe.r1Interval)",
                expected: "intervals whose least common multiple with pathLengthInterval \(recipe.pathLengthInterval) is at most \(maximumPeriod) iterations (it is \(period))")
        }
    }

    private static func atMost(_ field: String, _ value: Int?, _ limit: Int) throws(ModelError) {
        guard let value, value > limit else { return }
        throw .invalid(field: field, value: "\(value)", expected: "at most \(limit), the largest gansim models")
    }

    private static func scientific(_ value: Double) -> String {
        let exponent = Int(value.magnitude.isFinite && value > 0 ? value.magnitude.log10Floor : 0)
        let mantissa = value / pow10(exponent)
        return "\(Double(Int(mantissa * 10)) / 10)e\(exponent)"
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

private extension Double {
    /// The floor of the base-10 logarithm, by repeated division (Workload imports no math library).
    var log10Floor: Double {
        var value = self, exponent = 0.0
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 && value > 0 { value *= 10; exponent -= 1 }
        return exponent
    }
}
