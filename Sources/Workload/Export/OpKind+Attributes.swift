extension OpKind {
    /// The kind's hyper-parameters as named numbers (booleans as 0 or 1), for export to
    /// other frameworks (`gansim export-graph`).
    public var attributes: [String: Double] {
        func flag(_ b: Bool) -> Double { b ? 1 : 0 }
        switch self {
        case .input, .learnedConstant, .add, .concat, .reshape, .projection, .pixelNorm, .noiseInjection,
            .globalSumPool:
            return [:]
        case .linear(let c):
            return ["inFeatures": Double(c.inFeatures), "outFeatures": Double(c.outFeatures), "bias": flag(c.bias),
                    "spectralNorm": flag(c.spectralNorm)]
        case .conv2d(let c), .convTranspose2d(let c):
            return ["inChannels": Double(c.inChannels), "outChannels": Double(c.outChannels),
                    "kernel": Double(c.kernel), "stride": Double(c.stride), "padding": Double(c.padding),
                    "bias": flag(c.bias), "spectralNorm": flag(c.spectralNorm)]
        case .batchNorm(let channels, let affine):
            return ["channels": Double(channels), "affine": flag(affine)]
        case .conditionalBatchNorm(let channels, let cond, let sn):
            return ["channels": Double(channels), "conditionFeatures": Double(cond), "spectralNorm": flag(sn)]
        case .activation(let a):
            if case .leakyReLU(let slope) = a { return ["slope": slope] }
            return [:]
        case .upsample(let f): return ["factor": Double(f)]
        case .avgPool(let k): return ["kernel": Double(k)]
        case .slice(let start, let count): return ["start": Double(start), "count": Double(count)]
        case .selfAttention(let c, let sn): return ["channels": Double(c), "spectralNorm": flag(sn)]
        case .embedding(let classes, let features): return ["classes": Double(classes), "features": Double(features)]
        case .modulatedConv2d(let m), .toRGB(let m):
            return ["inChannels": Double(m.inChannels), "outChannels": Double(m.outChannels),
                    "kernel": Double(m.kernel), "wDim": Double(m.wDim), "demodulate": flag(m.demodulate),
                    "up": Double(m.up)]
        case .minibatchStdDev(let g, let c): return ["groupSize": Double(g), "statChannels": Double(c)]
        case .firFilter(let taps, let down): return ["taps": Double(taps), "down": Double(down)]
        case .fourierFeatures(let channels, let size): return ["channels": Double(channels), "size": Double(size)]
        case .groupedModulatedConv2d(let m):
            return ["inChannels": Double(m.inChannels), "outChannels": Double(m.outChannels),
                    "kernel": Double(m.kernel), "wDim": Double(m.wDim), "demodulate": flag(m.demodulate),
                    "groupsPerSample": 1]  // a grouped convolution whose groups are the batch's samples
        case .filteredLeakyReLU(let c):
            return ["up": Double(c.up), "upTaps": Double(c.upTaps), "down": Double(c.down),
                    "downTaps": Double(c.downTaps), "radialDown": flag(c.radialDown), "outSize": Double(c.outSize)]
        case .separableBlur(let taps): return ["taps": Double(taps)]
        case .conv1d(let c):
            return ["inChannels": Double(c.inChannels), "outChannels": Double(c.outChannels),
                    "kernel": Double(c.kernel), "stride": Double(c.stride), "padding": Double(c.padding),
                    "bias": flag(c.bias)]
        case .motionSampling(let t): return ["timeFeatures": Double(t)]
        case .temporalInput(let constant, let size): return ["constantChannels": Double(constant), "size": Double(size)]
        case .timeGapEncoding(let maxFrames, let features, let frequencies):
            return ["maxFrames": Double(maxFrames), "features": Double(features), "frequencies": Double(frequencies)]
        }
    }
}
