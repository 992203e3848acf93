import Workload

/// Time of one work item on one device: a roofline with size-dependent efficiency.
///
/// `t = launchOverhead + max(flops' / (peak * w * e_c(flops' / w)), bytes / (bandwidth * e_m(bytes)))`
/// where `flops'` includes the padding of GEMM dimensions up to the matrix-unit tile,
/// `peak` is the matrix-unit peak at the item's precision for ops that lower to a matrix
/// product and the vector peak otherwise, `w` is the useful fraction of the GEMM's last wave
/// of thread blocks on a GPU with a `WaveModel` (1 otherwise and for non-matrix ops), and
/// `e_c`, `e_m` are the efficiency curves of the op's class on the device (`+` instead of
/// `max` where the class's memory is serial; `bandwidth` is a CPU's private-cache rate where
/// those caches hold the item's bytes, `DeviceProfile.memoryBandwidth(workingSetBytes:)`).
/// `e_c` is read at the work of the full waves,
/// `flops' / w`: since `e_c(x) = max * x / (x + half)`, the compute term is
/// `(flops' / w + half) / (max * peak)`, so the idle SMs of a partly empty wave lengthen the
/// throughput part and leave the fixed ramp that `half` prices unscaled (scaling it too would
/// count a kernel of a few blocks as slow as a full wave twenty times over). A kernel of many
/// waves has `w` near 1 and keeps its price. What a CPU trainer adds (one-thread items, column
/// matrices) is `CPUTrainerPricing`.
public struct RooflineModel: Sendable {
    public let device: DeviceProfile

    public init(device: DeviceProfile) {
        self.device = device
    }

    /// The fraction of a GEMM's padded work that is useful, in (0, 1].
    public func paddingEfficiency(_ gemm: GemmShape) -> Double {
        Self.paddingEfficiency(gemm, on: device)
    }

    static func paddingEfficiency(_ gemm: GemmShape, on device: DeviceProfile) -> Double {
        let t = device.matrixTile
        guard t > 1 else { return 1 }
        func pad(_ x: Int) -> Int { (x + t - 1) / t * t }
        return Double(gemm.m) * Double(gemm.n) * Double(gemm.k)
            / (Double(pad(gemm.m)) * Double(pad(gemm.n)) * Double(pad(gemm.k)))
    }

    /// The useful fraction of the SM time of a GEMM's kernel, in (0, 1]: `WaveModel.usefulFraction`, 1 on a device
    /// without a wave model.
    public func waveEfficiency(_ gemm: GemmShape) -> Double {
        Self.waveEfficiency(gemm, on: device)
    }

    static func waveEfficiency(_ gemm: GemmShape, on device: DeviceProfile) -> Double {
        device.waves?.usefulFraction(gemm) ?? 1
    }

    /// Seconds for a pass of an op of `opClass`; `precision` must be supported by the
    /// device (callers validate).
    public func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass,
                        pass: PassKind = .forward) -> Double {
        Self.seconds(cost, gemm: gemm, precision: precision, opClass: opClass, pass: pass, on: device)
    }

    /// `workingSetBytes` is what the pass touches in all (its own bytes where nil): a CPU trainer's convolution also
    /// touches the blocked copies of its tensors.
    static func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass,
                        pass: PassKind, on device: DeviceProfile, workingSetBytes: Int? = nil) -> Double {
        if cost.isEmpty { return 0 }
        let params = device.parameters(for: opClass.pricing(forward: pass == .forward))
        let flops = Double(cost.flops)
        var computeSeconds = 0.0
        if flops > 0 {
            if let gemm, let peak = device.matrixPeak(precision) ?? device.matrixPeak(.fp32) {
                let padded = flops / paddingEfficiency(gemm, on: device)
                // The wave fraction scales the efficiency of the kernel's throughput; the curve is read at the work
                // its full waves would do, so the fixed ramp the curve prices is not scaled with it.
                let waves = waveEfficiency(gemm, on: device)
                let waveWork = padded / waves
                computeSeconds = padded / (peak * waves * params.computeEfficiency.efficiency(work: waveWork))
            } else {
                computeSeconds = flops / (device.vectorPeakFLOPS * params.computeEfficiency.efficiency(work: flops))
            }
        }
        let bytes = Double(cost.bytes)
        let bandwidth = device.memoryBandwidth(workingSetBytes: workingSetBytes ?? cost.bytes)
        let memorySeconds = bytes > 0 ? bytes / (bandwidth * params.memoryEfficiency.efficiency(work: bytes)) : 0
        let work = params.serialMemory == true ? computeSeconds + memorySeconds : max(computeSeconds, memorySeconds)
        return params.launchOverheadSeconds + work
    }

    /// Seconds for a work item.
    public func seconds(_ item: WorkItem) -> Double {
        seconds(item.cost, gemm: item.gemm, precision: item.precision, opClass: item.opClass, pass: item.pass)
    }
}
