extension Op {
    /// The op's FLOPs, memory traffic and saved state for a batch at a precision.
    ///
    /// FLOPs count a multiply-add as 2 FLOPs. Elementwise ops count one FLOP per
    /// arithmetic operation per element with the per-kind constants documented below;
    /// they are memory-bound, so their byte counts matter more than their FLOPs.
    /// Spectral norm adds one power iteration per forward (`u = W v`, `v = W^T u`,
    /// `sigma = u . W v`, `W / sigma`: 5 FLOPs per weight element) and the matching
    /// correction in the weight gradient; both are independent of the batch.
    ///
    /// - Parameters:
    ///   - batch: samples in the pass (per device, per micro-batch).
    ///   - precision: storage and compute format of activations and weights.
    public func cost(batch: Int, precision: Precision) -> OpCost {
        let b = batch
        let p = precision.bytesPerElement
        let inE = inputShapes.map(\.elementCount)
        let inTotal = inE.reduce(0, +)
        let outE = outputShape.elementCount
        let params = parameterCount

        /// A pass reading `read` and writing `written` elements per sample plus `fixedRead`
        /// fixed elements (weights), with `flops` per sample.
        func pass(_ flopsPerSample: Int, read: Int, written: Int, fixedRead: Int = 0, fixedWritten: Int = 0)
            -> PassCost
        {
            PassCost(
                flops: b * flopsPerSample,
                bytesRead: (b * read + fixedRead) * p,
                bytesWritten: (b * written + fixedWritten) * p)
        }
        /// Batch-independent spectral-norm work for a weight of `rows x cols`.
        func spectralNorm(rows: Int, cols: Int) -> (forward: PassCost, backward: PassCost) {
            let w = rows * cols
            let fwd = PassCost(flops: 5 * w + 4 * (rows + cols), bytesRead: 3 * w * p, bytesWritten: w * p)
            let bwd = PassCost(flops: 5 * w, bytesRead: 2 * w * p, bytesWritten: w * p)
            return (fwd, bwd)
        }

        switch kind {
        case .input, .reshape:
            return OpCost()

        case .learnedConstant:
            return OpCost(
                forward: PassCost(flops: 0, bytesRead: outE * p, bytesWritten: b * outE * p),
                backwardWeight: pass(outE, read: outE, written: 0, fixedWritten: outE))

        case .linear(let c):
            let mac = c.inFeatures * c.outFeatures
            let biasFLOPs = c.bias ? c.outFeatures : 0
            var cost = OpCost(
                forward: pass(2 * mac + biasFLOPs, read: c.inFeatures, written: c.outFeatures, fixedRead: params),
                backwardInput: pass(2 * mac, read: c.outFeatures, written: c.inFeatures, fixedRead: mac),
                backwardWeight: pass(2 * mac + biasFLOPs, read: c.inFeatures + c.outFeatures, written: 0,
                                     fixedWritten: params),
                gemm: GemmShape(m: b, n: c.outFeatures, k: c.inFeatures))
            if c.spectralNorm {
                let sn = spectralNorm(rows: c.outFeatures, cols: c.inFeatures)
                cost.forward = cost.forward + sn.forward
                cost.backwardWeight = cost.backwardWeight + sn.backward
            }
            return cost

        case .conv2d(let c):
            let outPixels = outputShape.height * outputShape.width
            let mac = c.outChannels * outPixels * c.inChannels * c.kernel * c.kernel
            let biasFLOPs = c.bias ? outE : 0
            var cost = OpCost(
                forward: pass(2 * mac + biasFLOPs, read: inTotal, written: outE, fixedRead: params),
                backwardInput: pass(2 * mac, read: outE, written: inTotal, fixedRead: c.weightCount),
                backwardWeight: pass(2 * mac + biasFLOPs, read: inTotal + outE, written: 0, fixedWritten: params),
                gemm: GemmShape(m: c.outChannels, n: b * outPixels, k: c.inChannels * c.kernel * c.kernel))
            if c.spectralNorm {
                let sn = spectralNorm(rows: c.outChannels, cols: c.inChannels * c.kernel * c.kernel)
                cost.forward = cost.forward + sn.forward
                cost.backwardWeight = cost.backwardWeight + sn.backward
            }
            return cost

        case .convTranspose2d(let c):
            let inPixels = inputShapes[0].height * inputShapes[0].width
            let mac = c.inChannels * inPixels * c.outChannels * c.kernel * c.kernel
            let biasFLOPs = c.bias ? outE : 0
            var cost = OpCost(
                forward: pass(2 * mac + biasFLOPs, read: inTotal, written: outE, fixedRead: params),
                backwardInput: pass(2 * mac, read: outE, written: inTotal, fixedRead: c.weightCount),
                backwardWeight: pass(2 * mac + biasFLOPs, read: inTotal + outE, written: 0, fixedWritten: params),
                gemm: GemmShape(m: c.outChannels * c.kernel * c.kernel, n: b * inPixels, k: c.inChannels))
            if c.spectralNorm {
                let sn = spectralNorm(rows: c.inChannels, cols: c.outChannels * c.kernel * c.kernel)
                cost.forward = cost.forward + sn.forward
                cost.backwardWeight = cost.backwardWeight + sn.backward
            }
            return cost

        case .batchNorm(_, let affine):
            // Forward: mean (1), variance (2), normalise (2), affine (2) per element; the
            // input is read twice (statistics, then normalisation).
            // Backward: 9 per element for the input gradient, 3 for gamma/beta reductions.
            return OpCost(
                forward: pass(7 * outE, read: 2 * outE, written: outE, fixedRead: params),
                backwardInput: pass(9 * outE, read: 2 * outE, written: outE, fixedRead: params),
                backwardWeight: affine ? pass(3 * outE, read: 2 * outE, written: 0, fixedWritten: params) : PassCost())

        case .conditionalBatchNorm(let channels, let cond, let sn):
            // Two bias-free linears (gain, bias) of the condition, then batch norm with
            // per-sample affine.
            let mac = 2 * cond * channels
            var cost = OpCost(
                forward: pass(2 * mac + 7 * outE, read: 2 * outE + cond, written: outE + 2 * channels,
                              fixedRead: params),
                backwardInput: pass(2 * mac + 9 * outE, read: 2 * outE + 2 * channels, written: outE + cond,
                                    fixedRead: params),
                backwardWeight: pass(2 * mac + 3 * outE, read: 2 * outE + cond, written: 0, fixedWritten: params),
                privateSavedBytes: b * 2 * channels * p,
                gemm: GemmShape(m: b, n: 2 * channels, k: cond))
            if sn {
                let s = spectralNorm(rows: channels, cols: cond)
                cost.forward = cost.forward + s.forward * 2
                cost.backwardWeight = cost.backwardWeight + s.backward * 2
            }
            return cost

        case .activation(let a):
            return OpCost(
                forward: pass(a.forwardFLOPsPerElement * outE, read: outE, written: outE),
                backwardInput: pass(a.backwardFLOPsPerElement * outE, read: 2 * outE, written: outE))

        case .upsample:
            return OpCost(
                forward: pass(0, read: inTotal, written: outE),
                backwardInput: pass(outE, read: outE, written: inTotal))

        case .avgPool:
            return OpCost(
                forward: pass(inTotal + outE, read: inTotal, written: outE),
                backwardInput: pass(inTotal, read: outE, written: inTotal))

        case .firFilter(let taps, _):
            return OpCost(
                forward: pass(2 * taps * taps * outE, read: inTotal, written: outE),
                backwardInput: pass(2 * taps * taps * outE, read: outE, written: inTotal))

        case .add:
            // The backward hands dy itself to both inputs (the trainer and autograd alike);
            // where an input is read by other ops too, the sum is `Graph.gradientAccumulation`'s.
            return OpCost(forward: pass(outE, read: inTotal, written: outE))

        case .concat, .slice:
            return OpCost(
                forward: pass(0, read: outE, written: outE),
                backwardInput: pass(0, read: outE, written: outE))

        case .selfAttention(let c, let sn):
            let n = outputShape.height * outputShape.width
            let np = n / 4
            let c8 = c / 8, c2 = c / 2
            let weightMAC = n * c * c8 * 2 + n * c * c2 + n * c2 * c
            let attnMAC = n * np * c8 + n * np * c2
            let pool = 4 * np * (c8 + c2)
            let softmax = 5 * n * np
            let saved = n * c8 + np * c8 + np * c2 + n * np + n * c2 + outE
            var cost = OpCost(
                forward: pass(2 * (weightMAC + attnMAC) + pool + softmax + 2 * outE,
                              read: outE + saved, written: saved, fixedRead: params),
                backwardInput: pass(2 * (weightMAC + attnMAC) + pool + 4 * n * np + outE,
                                    read: outE + saved, written: outE + saved - n * np, fixedRead: params),
                backwardWeight: pass(2 * weightMAC + outE, read: saved + outE, written: 0, fixedWritten: params),
                privateSavedBytes: b * saved * p,
                gemm: GemmShape(m: c, n: b * n, k: c2))
            if sn {
                let s = spectralNorm(rows: c8, cols: c)
                let g = spectralNorm(rows: c2, cols: c)
                cost.forward = cost.forward + s.forward * 2 + g.forward * 2
                cost.backwardWeight = cost.backwardWeight + s.backward * 2 + g.backward * 2
            }
            return cost

        case .embedding(_, let features):
            return OpCost(
                forward: pass(0, read: 1 + features, written: features),
                backwardWeight: pass(features, read: 1 + features, written: features))

        case .projection:
            return OpCost(
                forward: pass(2 * inE[0], read: inTotal, written: 1),
                backwardInput: pass(2 * inTotal, read: inTotal + 1, written: inTotal))

        case .pixelNorm:
            return OpCost(
                forward: pass(4 * outE, read: 2 * outE, written: outE),
                backwardInput: pass(6 * outE, read: 2 * outE, written: outE))

        case .noiseInjection:
            // A fresh N(0,1) map per pixel (shared over channels), scaled and added.
            let pixels = outputShape.height * outputShape.width
            return OpCost(
                forward: pass(2 * outE + 10 * pixels, read: outE, written: outE + pixels),
                backwardInput: pass(0, read: outE, written: outE),
                backwardWeight: pass(2 * outE, read: outE + pixels, written: 0, fixedWritten: 1),
                privateSavedBytes: b * pixels * p)

        case .modulatedConv2d(let m), .toRGB(let m):
            return modulatedConvCost(m, batch: b, bytesPerElement: p)

        case .minibatchStdDev:
            return OpCost(
                forward: pass(6 * inTotal, read: 2 * inTotal, written: outE),
                backwardInput: pass(8 * inTotal, read: 2 * inTotal, written: inTotal))

        case .globalSumPool:
            return OpCost(
                forward: pass(inTotal, read: inTotal, written: outE),
                backwardInput: pass(0, read: outE, written: inTotal))
        }
    }

    /// Cost of the non-fused modulated convolution that stylegan2-ada-pytorch trains with:
    /// scale the input by the styles, convolve with the shared weight (a plain batched
    /// convolution, transposed with stride 2 and a 4x4 blur when upsampling), then scale
    /// the output by the per-sample demodulation coefficients and add the bias.
    private func modulatedConvCost(_ m: ModulatedConvConfig, batch b: Int, bytesPerElement p: Int) -> OpCost {
        let x = inputShapes[0]
        let inPixels = x.height * x.width
        let outPixels = outputShape.height * outputShape.width
        let outE = outputShape.elementCount
        let weight = m.outChannels * m.inChannels * m.kernel * m.kernel
        let mac = weight * inPixels  // each input pixel meets every weight (stride 1 or transposed stride 2)
        let affineMAC = m.wDim * m.inChannels
        let demod = m.demodulate ? 3 * weight + 2 * m.outChannels + outE : 0
        let blur = m.up > 1 ? 2 * 16 * outE : 0
        let elementwise = x.elementCount + outE  // style scaling and bias
        let fwdFLOPs = 2 * affineMAC + 2 * mac + demod + blur + elementwise
        let saved = x.elementCount + (m.demodulate ? outE : 0) + m.inChannels
        return OpCost(
            forward: PassCost(
                flops: b * fwdFLOPs,
                bytesRead: (b * (x.elementCount + m.wDim + saved) + parameterCount) * p,
                bytesWritten: b * (outE + saved) * p),
            backwardInput: PassCost(
                flops: b * (2 * mac + 2 * affineMAC + demod + blur + elementwise),
                bytesRead: (b * (outE + saved) + weight + affineMAC) * p,
                bytesWritten: b * (x.elementCount + m.wDim) * p),
            backwardWeight: PassCost(
                flops: b * (2 * mac + 2 * affineMAC + m.inChannels + outE),
                bytesRead: b * (outE + saved + m.wDim) * p,
                bytesWritten: parameterCount * p),
            privateSavedBytes: b * saved * p,
            gemm: GemmShape(m: m.outChannels, n: b * (m.up > 1 ? inPixels : outPixels),
                            k: m.inChannels * m.kernel * m.kernel))
    }

    /// Which of this op's tensors must stay alive for its backward pass: each input by
    /// position, and its own output. Tensors shared between ops are counted once by
    /// `Graph.savedActivationBytes`.
    public var savedTensors: (inputs: [Bool], output: Bool) {
        let none = [Bool](repeating: false, count: inputs.count)
        let all = [Bool](repeating: true, count: inputs.count)
        switch kind {
        case .input, .learnedConstant, .reshape, .upsample, .avgPool, .add, .concat, .slice,
            .firFilter, .globalSumPool, .embedding, .noiseInjection:
            return (none, false)
        case .linear, .conv2d, .convTranspose2d, .batchNorm, .conditionalBatchNorm, .pixelNorm,
            .minibatchStdDev, .projection, .modulatedConv2d, .toRGB, .selfAttention:
            return (all, false)
        case .activation(let a):
            if case .leakyReLU = a { return (all, false) }
            return (none, true)
        }
    }
}
