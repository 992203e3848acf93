import Workload

extension Op {
    /// Whether the CPU reference trainer splits any loop or product of this pass across
    /// its threads (false: the pass runs on one thread whatever the thread count).
    ///
    /// Follows the trainer's kernels loop by loop (`ThreadSplit`): convolutions run in oneDNN
    /// on all threads, linears are one product per pass, and the pointwise and resampling
    /// kernels are one loop each. Passes the trainer runs serially (pixel norm, global sum
    /// pooling, minibatch standard deviation, data movement) and the backward of a residual
    /// add (which passes the gradient through) are false. Ops the trainer does not build
    /// are true: their CPU time keeps its all-thread pricing.
    public func splitsAcrossThreads(_ pass: PassKind, batch b: Int) -> Bool {
        let forward = pass == .forward
        let outE = b * outputShape.elementCount
        switch kind {
        case .linear(let c):
            switch pass {
            case .backwardWeight: return ThreadSplit.splitsProduct(m: c.outFeatures, n: c.inFeatures, k: b)
            case .backwardInput: return ThreadSplit.splitsProduct(m: b, n: c.inFeatures, k: c.outFeatures)
            default: return ThreadSplit.splitsProduct(m: b, n: c.outFeatures, k: c.inFeatures)
            }
        case .conv2d, .convTranspose2d:
            // oneDNN runs every call on an OpenMP team of the run's threads (`ConvolutionLayout`).
            return true
        case .batchNorm(let channels, _):
            return ThreadSplit.splitsLoop(count: channels, costPerItem: outE / channels * ThreadSplit.batchNormCost)
        case .activation:
            let cost = forward ? ThreadSplit.activationForwardCost : ThreadSplit.activationBackwardCost
            return ThreadSplit.splitsLoop(count: outE, costPerItem: cost)
        case .add:
            return forward && ThreadSplit.splitsLoop(count: outE)
        case .upsample:
            // One loop over the (B*C) planes, each costing its output pixels.
            let planes = b * outputShape.channels
            return ThreadSplit.splitsLoop(count: planes, costPerItem: outE / planes)
        case .avgPool:
            // One loop over the planes, each costing its input pixels.
            let planes = b * outputShape.channels
            return ThreadSplit.splitsLoop(count: planes, costPerItem: inputShapes[0].height * inputShapes[0].width)
        case .input, .reshape, .concat, .slice, .pixelNorm, .globalSumPool, .minibatchStdDev:
            return false
        case .learnedConstant, .conditionalBatchNorm, .selfAttention, .embedding, .projection, .modulatedConv2d,
            .toRGB, .noiseInjection, .firFilter, .fourierFeatures, .groupedModulatedConv2d, .filteredLeakyReLU,
            .separableBlur, .conv1d, .motionSampling, .temporalInput, .timeGapEncoding:
            return true
        }
    }
}
