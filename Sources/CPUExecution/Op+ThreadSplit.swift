import Workload

extension Op {
    /// Whether the CPU reference trainer splits any loop or product of this pass across
    /// its threads (false: the pass runs on one thread whatever the thread count).
    ///
    /// Follows the trainer's kernels loop by loop (`ThreadSplit`): convolutions lower a
    /// chunk of samples at a time (im2col or col2im, a product, a swap of the two leading
    /// dimensions), linears are one product per pass, and the pointwise and resampling
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
        case .conv2d(let c):
            // Column matrix (C*k*k, n*L) per chunk of n samples, L output pixels.
            let l = outputShape.height * outputShape.width, rows = c.inChannels * c.kernel * c.kernel
            let n = ThreadSplit.chunkSamples(batch: b, columnFloatsPerSample: rows * l, columnsPerSample: l)
            let columns = ThreadSplit.splitsLoop(count: rows, costPerItem: n * l)
            // The backward first swaps dy's chunk (n, OC, L) to (OC, n, L).
            let swapGradient = n > 1 && c.outChannels > 1 && ThreadSplit.splitsLoop(count: c.outChannels, costPerItem: n * l)
            switch pass {
            case .backwardWeight:
                return swapGradient || columns || ThreadSplit.splitsProduct(m: c.outChannels, n: rows, k: n * l)
            case .backwardInput:
                return swapGradient || ThreadSplit.splitsProduct(m: rows, n: n * l, k: c.outChannels)
                    || ThreadSplit.splitsLoop(count: c.inChannels, costPerItem: c.kernel * c.kernel * n * l)
            default:
                // The product's (OC, n, L) result is swapped to (n, OC, L) when n > 1.
                return columns || ThreadSplit.splitsProduct(m: c.outChannels, n: n * l, k: rows)
                    || (n > 1 && ThreadSplit.splitsLoop(count: n, costPerItem: c.outChannels * l))
                    || (c.bias && ThreadSplit.splitsLoop(count: b * c.outChannels, costPerItem: l))
            }
        case .convTranspose2d(let c):
            // The input gradient of a convolution: column matrix (Cout*k*k, n*L), L input pixels.
            let l = inputShapes[0].height * inputShapes[0].width, rows = c.outChannels * c.kernel * c.kernel
            let n = ThreadSplit.chunkSamples(batch: b, columnFloatsPerSample: rows * l, columnsPerSample: l)
            // x's chunk (n, Cin, L) is swapped to (Cin, n, L) for the forward and the weight gradient.
            let swapInput = n > 1 && c.inChannels > 1 && ThreadSplit.splitsLoop(count: c.inChannels, costPerItem: n * l)
            // The backward builds dy's column matrix first.
            let columns = ThreadSplit.splitsLoop(count: rows, costPerItem: n * l)
            switch pass {
            case .backwardWeight:
                return columns || swapInput || ThreadSplit.splitsProduct(m: c.inChannels, n: rows, k: n * l)
            case .backwardInput:
                // The (Cin, n, L) result is swapped back to (n, Cin, L) when n > 1.
                return columns || ThreadSplit.splitsProduct(m: c.inChannels, n: n * l, k: rows)
                    || (n > 1 && ThreadSplit.splitsLoop(count: n, costPerItem: c.inChannels * l))
            default:
                let pixels = outputShape.height * outputShape.width
                return swapInput || ThreadSplit.splitsProduct(m: rows, n: n * l, k: c.inChannels)
                    || ThreadSplit.splitsLoop(count: c.outChannels, costPerItem: c.kernel * c.kernel * n * l)
                    || (c.bias && ThreadSplit.splitsLoop(count: b * c.outChannels, costPerItem: pixels))
            }
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
