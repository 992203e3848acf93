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

        case .fourierFeatures:
            // Per element: grid . frequency (2 multiply-adds), phase, sine (counted as 8, as a transcendental's
            // handful), amplitude: 16 FLOPs (networks_stylegan3.py SynthesisInput.forward). The sine's argument is
            // saved for the backward into the 4 affine outputs (its cosine, the chain into the transform: 8 per element).
            return OpCost(
                forward: pass(16 * outE, read: inTotal, written: outE),
                backwardInput: pass(8 * outE, read: 2 * outE, written: inTotal),
                privateSavedBytes: b * outE * p)

        case .groupedModulatedConv2d(let m):
            return groupedModulatedConvCost(m, batch: b, bytesPerElement: p)

        case .filteredLeakyReLU(let c):
            return filteredLReLUCost(c, batch: b, bytesPerElement: p)

        case .separableBlur(let taps):
            // Two 1-D passes of `taps` multiply-adds per pixel; upfirdn2d runs them as two calls, so the
            // intermediate is written and read once (torch_utils/ops/upfirdn2d.py filter2d with a 1-D filter).
            return OpCost(
                forward: pass(4 * taps * outE, read: inTotal + outE, written: 2 * outE),
                backwardInput: pass(4 * taps * outE, read: 2 * outE, written: inTotal + outE))

        case .conv1d(let c):
            let mac = c.outChannels * outputShape.dims[1] * c.inChannels * c.kernel
            let biasFLOPs = c.bias ? outE : 0
            let weight = c.inChannels * c.outChannels * c.kernel
            return OpCost(
                forward: pass(2 * mac + biasFLOPs, read: inTotal, written: outE, fixedRead: params),
                backwardInput: pass(2 * mac, read: outE, written: inTotal, fixedRead: weight),
                backwardWeight: pass(2 * mac + biasFLOPs, read: inTotal + outE, written: 0, fixedWritten: params),
                gemm: GemmShape(m: c.outChannels, n: b * outputShape.dims[1], k: c.inChannels * c.kernel))

        case .motionSampling(let timeFeatures):
            // Per frame: a linear interpolation of two trajectory codes (3 FLOPs per channel, both codes read) and the
            // sines and cosines of the time encoding (8 each); the backward scatters each frame's code gradient onto
            // its two trajectory codes.
            let channels = inputShapes[0].channels, frames = inputShapes[1].channels
            return OpCost(
                forward: pass(frames * (3 * channels + 8 * timeFeatures), read: frames * (2 * channels + 1), written: outE),
                backwardInput: pass(frames * 3 * channels, read: frames * channels, written: inputShapes[0].elementCount))

        case .temporalInput(let constant, let size):
            // Writes the constant and the broadcast motion codes per frame; the backward sums each frame's gradient
            // over the grid (into the codes) and over frames and samples (into the constant).
            let frames = inputShapes[0].dims[1], motion = inputShapes[0].channels
            let grid = frames * size * size
            return OpCost(
                forward: pass(0, read: inTotal, written: outE, fixedRead: params),
                backwardInput: pass(motion * grid, read: motion * grid, written: inTotal),
                backwardWeight: pass(constant * grid, read: constant * grid, written: 0, fixedWritten: params))

        case .timeGapEncoding(_, let features, let frequencies):
            // Per gap: one embedding row gathered, `2 * frequencies` sines and cosines (8 FLOPs each); the gaps are
            // data, so the backward only scatters into the embedding.
            let gaps = inputShapes[0].channels
            return OpCost(
                forward: pass(gaps * 16 * frequencies, read: gaps * (1 + features), written: outE),
                backwardWeight: pass(gaps * features, read: gaps * (1 + features), written: gaps * features))
        }
    }

    /// Cost of StyleGAN3's modulated convolution (networks_stylegan3.py `modulated_conv2d`, `../shared/workloads/stylegan3.md`).
    ///
    /// Per sample the weight `(O, I, k, k)` is scaled by the styles, demodulated and scaled by the input gain, each
    /// product a new `(N, O, I, k, k)` tensor written and read; then one grouped convolution (groups = batch) with
    /// padding `k - 1`. Unlike StyleGAN2's training path the per-sample weights are materialised, and their gradient
    /// is per sample before the batch sum, so bytes grow with batch x weight. The magnitude EMA's statistic (square and
    /// mean of the input) is counted on every forward although only D-step G forwards update it (assumed: one read of
    /// the input). The wave model sees the groups' products as one `out x (batch * pixels)` product, an approximation:
    /// per-group tiling would round each sample's pixels up to whole tiles, which this leaves out.
    private func groupedModulatedConvCost(_ m: ModulatedConvConfig, batch b: Int, bytesPerElement p: Int) -> OpCost {
        let x = inputShapes[0]
        let outPixels = outputShape.height * outputShape.width
        let outE = outputShape.elementCount
        let weight = m.outChannels * m.inChannels * m.kernel * m.kernel
        let mac = weight * outPixels
        let affineMAC = m.wDim * m.inChannels
        // Styles (1), input gain (1), demodulation: square, sum, scale (3); rsqrt per output channel.
        let modulation = (m.demodulate ? 5 : 2) * weight + (m.demodulate ? 2 * m.outChannels : 0)
        let weightPasses = m.demodulate ? 3 : 2  // per-sample weight tensors written and read
        let fwdFLOPs = 2 * affineMAC + modulation + 2 * mac + 2 * x.elementCount
        let saved = weight + m.inChannels + (m.demodulate ? m.outChannels : 0)
        return OpCost(
            forward: PassCost(
                flops: b * fwdFLOPs,
                bytesRead: (b * (2 * x.elementCount + m.wDim + weightPasses * weight) + parameterCount) * p,
                bytesWritten: b * (outE + weightPasses * weight + m.inChannels) * p),
            backwardInput: PassCost(
                flops: b * (2 * mac + 2 * affineMAC + modulation),
                bytesRead: (b * (outE + saved + weight) + affineMAC) * p,
                bytesWritten: b * (x.elementCount + m.wDim + weight) * p),
            backwardWeight: PassCost(
                flops: b * (2 * mac + weight + 2 * affineMAC + m.inChannels + outE),
                bytesRead: b * (outE + x.elementCount + weight + m.wDim) * p,
                bytesWritten: (b * weight + parameterCount) * p),
            privateSavedBytes: b * saved * p,
            gemm: GemmShape(m: m.outChannels, n: b * outPixels, k: m.inChannels * m.kernel * m.kernel))
    }

    /// Cost of one `filtered_lrelu` call (torch_utils/ops/filtered_lrelu.cu, `../shared/workloads/stylegan3.md`).
    ///
    /// Per channel, with `S` the input side, `U` the up-sampled side and `s` the output side: the bias (`S²`), the
    /// polyphase up-sampling FIR as two 1-D passes (`upTaps / up` multiply-adds per output, over `S x U` then `U x
    /// U`), leaky ReLU, gain and clamp on `U²` (4 FLOPs), the down-sampling FIR as two 1-D passes over `U x s` and
    /// `s x s` (`downTaps` each), or one radial `downTaps²` pass over `s²`. Only the input and output cross DRAM
    /// (the grid stays in shared memory), plus the signs the backward needs (2 bits per grid element). The backward
    /// is the same op with up and down swapped (same FLOPs), reading the output gradient and the signs.
    private func filteredLReLUCost(_ c: FilteredLReLUConfig, batch b: Int, bytesPerElement p: Int) -> OpCost {
        let channels = outputShape.channels
        let s = inputShapes[0].height, u = c.upsampledSize, o = c.outSize
        let up = c.upTaps > 1 ? 2 * (c.upTaps / c.up) * (s * u + u * u) : 0
        let down: Int
        if c.downTaps <= 1 {
            down = 0
        } else if c.radialDown {
            down = 2 * c.downTaps * c.downTaps * o * o
        } else {
            down = 2 * c.downTaps * (u * o + o * o)
        }
        let flops = channels * (s * s + up + 4 * u * u + down)
        let signBytes = (channels * u * u + 3) / 4
        let inE = inputShapes[0].elementCount, outE = outputShape.elementCount
        return OpCost(
            forward: PassCost(flops: b * flops, bytesRead: b * inE * p + channels * p,
                              bytesWritten: b * (outE * p + signBytes)),
            backwardInput: PassCost(flops: b * flops, bytesRead: b * (outE * p + signBytes), bytesWritten: b * inE * p),
            privateSavedBytes: b * signBytes)
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
            .firFilter, .globalSumPool, .embedding, .noiseInjection, .fourierFeatures, .filteredLeakyReLU,
            .separableBlur, .motionSampling, .temporalInput, .timeGapEncoding:
            return (none, false)
        case .linear, .conv2d, .convTranspose2d, .batchNorm, .conditionalBatchNorm, .pixelNorm,
            .minibatchStdDev, .projection, .modulatedConv2d, .toRGB, .selfAttention, .groupedModulatedConv2d,
            .conv1d:
            return (all, false)
        case .activation(let a):
            if case .leakyReLU = a { return (all, false) }
            return (none, true)
        }
    }
}
