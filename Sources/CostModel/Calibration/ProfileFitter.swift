import Workload
import Foundation

/// Fits a device profile's per-class time parameters to measured op times.
///
/// Per class the model is `t = o + max(f / (P * m_c), b / (B * m_m))`, with `P` the
/// matrix peak for matmul/convolution/attention (the vector peak otherwise) and `B` the
/// memory bandwidth, both fixed from the profile (scaled to the sample's threads on a CPU); `o`, `m_c`, `m_m` are fitted by
/// nonlinear least squares on log times (so every size counts equally), in log space
/// so they stay positive. The saturating curve of uncalibrated profiles,
/// `e(w) = m w / (w + h)`, gives `t = o + (w + h) / (P m)`: its half-saturation `h` is
/// indistinguishable from overhead, so a fit keeps `h = 0` and lets `o` carry it. A weak
/// prior (weight 0.05 per parameter, in log units) pulls each efficiency towards the
/// base profile, so a class measured only in its compute-bound regime keeps a sane
/// memory efficiency instead of drifting; then the efficiencies are scaled together so
/// the class's predicted total time is its measured total (`matchTotals`, CPU only). On a CPU, each thread count found in the
/// samples gets its own fit, since two threads rarely run twice as fast as one.
///
/// On a CPU, GEMM classes add the memory term to the compute term instead of taking the
/// larger (`packsOperands`). A fitted profile has no `WaveModel`: the samples carry no GEMM
/// shapes, so the fitted efficiencies are those of the measured kernels, waves included.
///
/// Where a class's samples carry lowering bytes (CPU convolutions' layout conversions,
/// `TimingSample.columnBytes`), the lowering pass is a fourth parameter:
/// `t = o + max(...) + c / (B * m_l)`, added rather than overlapped because the trainer
/// converts the tensors before (or after) the kernel runs. It gets the same weak prior,
/// towards the base memory efficiency. Where the samples also count contiguous segments
/// (`TimingSample.columnSegments`, in measurements of the earlier im2col trainer), a fifth
/// parameter prices each segment, `+ s * t_seg`, with a weak prior towards
/// `segmentSecondsPrior`.
public struct ProfileFitter: Sendable {
    public let base: DeviceProfile
    /// Classes with fewer samples keep the base profile's parameters.
    public var minimumSamples = 4
    /// Whether each fit's efficiencies are then scaled by one common factor so that the
    /// group's predicted total time equals its measured total. The log fit weighs every
    /// op alike, so a class mixing fast and slow kernels (the CPU trainer's small ReLUs, in
    /// cache, stream at 30-57 GB/s, its large leaky ReLUs at 12-18 GB/s) is fitted to
    /// the many small, fast ops; a step's time is a sum, and the sum is what this keeps.
    /// On by default for CPU profiles only: a GPU class's total is dominated by a few large,
    /// differently behaved ops, which the scaling would then fit at the others' expense
    /// (the H100 figures are in docs/gpu-execution-measurements.md).
    public var matchTotals: Bool

    /// Where the per-segment lowering time starts and its weak prior pulls: the order of
    /// one short `memcpy` call and loop step on a current core (the fit set's 1-thread
    /// convolutions fit 4-7 ns).
    public static let segmentSecondsPrior = 5e-9

    public init(base: DeviceProfile) {
        self.base = base
        matchTotals = base.kind == .cpu
    }

    /// Peak FLOP/s that bound ops of `opClass` at `precision`.
    public func peak(_ opClass: OpClass, _ precision: Precision, threads: Int = 0) -> Double {
        let device = base.restricted(toThreads: threads)
        switch opClass {
        case .matmul, .convolution, .transposedConvolution, .attention: return device.matrixPeak(precision) ?? device.vectorPeakFLOPS
        case .normalization, .elementwise, .transcendental, .resampling, .update: return device.vectorPeakFLOPS
        }
    }

    /// Predicted seconds of a sample under class parameters `(o, m_c, m_m)`, with the
    /// lowering's bandwidth fraction and seconds per column segment where given.
    public func predict(_ s: TimingSample, overhead: Double, compute: Double, memory: Double,
                        lowering: Double? = nil, segmentSeconds: Double? = nil, serialMemory: Bool = false) -> Double {
        // A convolution's working set holds the blocked copies of its tensors too (`CPUTrainerPricing`).
        let workingSet = s.bytes + (lowering == nil ? 0 : s.columnBytes)
        let bandwidth = base.restricted(toThreads: s.threads).memoryBandwidth(workingSetBytes: workingSet)
        let c = s.flops > 0 ? Double(s.flops) / (peak(s.opClass, s.precision, threads: s.threads) * compute) : 0
        let m = s.bytes > 0 ? Double(s.bytes) / (bandwidth * memory) : 0
        let l = lowering.map { s.columnBytes > 0 ? Double(s.columnBytes) / (bandwidth * $0) : 0 } ?? 0
        let segments = Double(s.columnSegments) * (segmentSeconds ?? 0)
        return overhead + (serialMemory ? c + m : max(c, m)) + l + segments
    }

    /// Fits every class (per thread count) with enough samples and returns the fitted
    /// profile and report.
    ///
    /// Passes without work (graph inputs, reshapes: no FLOPs, no bytes) are left out: the
    /// model prices them at zero (`RooflineModel`), so their measured time, the trainer's
    /// or the framework's bookkeeping, says nothing about a class's parameters. Fitted, the
    /// CPU trainer's reshapes (2-12 us each) were the elementwise class's worst residuals.
    public func fit(_ measured: [TimingSample]) -> CalibrationResult {
        let samples = measured.filter { $0.flops > 0 || $0.bytes > 0 || $0.columnBytes > 0 }
        var profile = base
        var classes: [OpClass: OpClassParameters] = base.opClasses ?? [:]
        var byThreads: [Int: [OpClass: OpClassParameters]] = [:]
        var fits: [ClassFit] = []
        var allRelative: [Double] = []
        let threadCounts = Set(samples.map(\.threads)).sorted()
        for opClass in OpClass.allCases {
            for threads in threadCounts {
                let group = samples.filter { $0.opClass == opClass && $0.threads == threads }
                guard group.count >= minimumSamples else { continue }
                let (fitted, report, relative) = fitGroup(group, opClass: opClass, threads: threads)
                if threadCounts.count > 1 || threads > 0 { byThreads[threads, default: [:]][opClass] = fitted }
                // The profile-wide table holds the fit at the most threads (all cores).
                if threads == threadCounts.last { classes[opClass] = fitted }
                fits.append(report)
                allRelative += relative
            }
        }
        // Split-off classes without enough samples of their own take their broader class's fit.
        func inherit(_ table: inout [OpClass: OpClassParameters], fitted: Set<OpClass>) {
            for c in OpClass.allCases where !fitted.contains(c) {
                if let f = c.fallback, fitted.contains(f), let p = table[f] { table[c] = p }
            }
        }
        for threads in byThreads.keys {
            let fitted = Set(fits.filter { $0.threads == threads }.map(\.opClass))
            inherit(&byThreads[threads, default: [:]], fitted: fitted)
        }
        inherit(&classes, fitted: Set(fits.filter { $0.threads == threadCounts.last }.map(\.opClass)))
        profile.opClassesByThreads = byThreads.isEmpty ? nil : byThreads
        profile.opClasses = classes.isEmpty ? nil : classes
        // Op timings carry no GEMM shapes, so efficiencies fitted to them already hold the measured kernels' wave
        // quantization: the fitted profile prices without a wave model, lest partly empty waves be charged twice.
        if !fits.isEmpty { profile.waves = nil }
        if !allRelative.isEmpty { profile.residualSpread = Self.standardDeviation(allRelative) }
        profile.source = base.source + "; op classes fitted by gansim calibrate to \(samples.count) op timings"
        return CalibrationResult(profile: profile, classes: fits, samples: samples.count)
    }

    /// Fits one class at one thread count: its parameters, their report, and the
    /// relative errors `predicted / measured - 1` of the group.
    func fitGroup(_ group: [TimingSample], opClass: OpClass, threads: Int)
        -> (OpClassParameters, ClassFit, relative: [Double])
    {
        let prior = base.parameters(for: opClass)
        let priorCompute = log(prior.computeEfficiency.maxEfficiency)
        let priorMemory = log(prior.memoryEfficiency.maxEfficiency)
        let lowered = group.contains { $0.columnBytes > 0 }
        let segmented = lowered && group.contains { $0.columnSegments > 0 }
        let serial = Self.packsOperands(opClass, on: base.kind)
        let priorSegment = log(Self.segmentSecondsPrior)
        var start = [log(max(1e-9, 0.5 * (group.map(\.seconds).min() ?? 1e-6))), priorCompute, priorMemory]
        if lowered { start.append(priorMemory) }
        if segmented { start.append(priorSegment) }
        let weight = 0.05
        let solution = NonlinearLeastSquares.fit(start: start, observations: group.count + start.count - 1) { x in
            let o = exp(x[0]), mc = exp(x[1]), mm = exp(x[2]), ml = lowered ? exp(x[3]) : nil
            let ts = segmented ? exp(x[4]) : nil
            var r = group.map {
                log(predict($0, overhead: o, compute: mc, memory: mm, lowering: ml, segmentSeconds: ts,
                            serialMemory: serial)) - log($0.seconds)
            }
            r.append(weight * (x[1] - priorCompute))
            r.append(weight * (x[2] - priorMemory))
            if lowered { r.append(weight * (x[3] - priorMemory)) }
            if segmented { r.append(weight * (x[4] - priorSegment)) }
            return r
        }
        let o = exp(solution.parameters[0])
        var mc = exp(solution.parameters[1]), mm = exp(solution.parameters[2])
        var ml = lowered ? exp(solution.parameters[3]) : nil
        var ts = segmented ? exp(solution.parameters[4]) : nil
        func predicted(_ s: TimingSample, overhead: Double) -> Double {
            predict(s, overhead: overhead, compute: mc, memory: mm, lowering: ml, segmentSeconds: ts, serialMemory: serial)
        }
        if matchTotals {
            // Scale the work terms together so that the group's predicted total equals its
            // measured total: sum(o + w_i / k) = sum(t_i), w_i the work terms at k = 1.
            let work = group.map { predicted($0, overhead: 0) }
            let available = group.reduce(0) { $0 + $1.seconds } - o * Double(group.count)
            let k = work.reduce(0, +) / available
            if available > 0, k.isFinite, k > 0 {
                mc *= k
                mm *= k
                ml = ml.map { $0 * k }
                ts = ts.map { $0 / k }
            }
        }
        let predicted = group.map { predicted($0, overhead: o) }
        let logMeasured = group.map { log($0.seconds) }
        let meanLog = logMeasured.reduce(0, +) / Double(group.count)
        let ssTot = logMeasured.reduce(0) { $0 + ($1 - meanLog) * ($1 - meanLog) }
        let ssRes = zip(predicted, logMeasured).reduce(0) { $0 + (log($1.0) - $1.1) * (log($1.0) - $1.1) }
        let relative = zip(predicted, group).map { $0 / $1.seconds - 1 }
        let fitted = OpClassParameters(
            launchOverheadSeconds: o,
            computeEfficiency: EfficiencyCurve(maxEfficiency: mc, halfSaturation: 0),
            memoryEfficiency: EfficiencyCurve(maxEfficiency: mm, halfSaturation: 0), loweringEfficiency: ml,
            loweringSecondsPerSegment: ts, serialMemory: serial ? true : nil)
        // Delta method: se(exp(theta)) = exp(theta) * se(theta).
        let report = ClassFit(
            opClass: opClass, threads: threads, samples: group.count, launchOverheadSeconds: o, computeEfficiency: mc,
            memoryEfficiency: mm, launchOverheadStandardError: o * solution.standardErrors[0],
            computeEfficiencyStandardError: mc * solution.standardErrors[1],
            memoryEfficiencyStandardError: mm * solution.standardErrors[2],
            loweringEfficiency: ml, loweringEfficiencyStandardError: ml.map { $0 * solution.standardErrors[3] },
            loweringSecondsPerSegment: ts,
            loweringSecondsPerSegmentStandardError: ts.map { $0 * solution.standardErrors[4] },
            rSquared: ssTot > 0 ? 1 - ssRes / ssTot : 1, residualSpread: Self.standardDeviation(relative),
            meanAbsoluteError: relative.reduce(0) { $0 + abs($1) } / Double(relative.count))
        return (fitted, report, relative)
    }

    /// Whether ops of `opClass` pay their memory traffic on top of their compute on a
    /// device of `kind`: GEMMs on a CPU (OpenBLAS packs panels of both operands, a
    /// memory-bound copy, then runs its FMA kernel on them), so small or thin products
    /// (the batch-8 linears) run far below the rate of large ones. Accelerators overlap
    /// the two and keep `max`.
    public static func packsOperands(_ opClass: OpClass, on kind: DeviceKind) -> Bool {
        guard kind == .cpu else { return false }
        switch opClass {
        case .matmul, .convolution, .transposedConvolution, .attention: return true
        case .normalization, .elementwise, .transcendental, .resampling, .update: return false
        }
    }

    /// Population standard deviation of a non-empty list.
    static func standardDeviation(_ xs: [Double]) -> Double {
        let mean = xs.reduce(0, +) / Double(xs.count)
        return (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)).squareRoot()
    }
}
