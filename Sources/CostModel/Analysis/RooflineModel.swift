import Workload

/// Time of one work item on one device: a roofline with size-dependent efficiency.
///
/// `t = launchOverhead + max(flops' / (peak * e_c(flops)), bytes / (bandwidth * e_m(bytes)))`
/// where `flops'` includes the padding of GEMM dimensions up to the matrix-unit tile,
/// `peak` is the matrix-unit peak at the item's precision for ops that lower to a matrix
/// product and the vector peak otherwise, and `e_c`, `e_m` are the efficiency curves of the
/// op's class on the device (`+` instead of `max` where the class's memory is serial). What
/// a CPU trainer adds (one-thread items, column matrices) is `CPUTrainerPricing`.
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

    /// Seconds for a pass of an op of `opClass`; `precision` must be supported by the
    /// device (callers validate).
    public func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass,
                        pass: PassKind = .forward) -> Double {
        Self.seconds(cost, gemm: gemm, precision: precision, opClass: opClass, pass: pass, on: device)
    }

    static func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass,
                        pass: PassKind, on device: DeviceProfile) -> Double {
        if cost.isEmpty { return 0 }
        let params = device.parameters(for: opClass.pricing(forward: pass == .forward))
        let flops = Double(cost.flops)
        var computeSeconds = 0.0
        if flops > 0 {
            if let gemm, let peak = device.matrixPeak(precision) ?? device.matrixPeak(.fp32) {
                let padded = flops / paddingEfficiency(gemm, on: device)
                computeSeconds = padded / (peak * params.computeEfficiency.efficiency(work: padded))
            } else {
                computeSeconds = flops / (device.vectorPeakFLOPS * params.computeEfficiency.efficiency(work: flops))
            }
        }
        let bytes = Double(cost.bytes)
        let memorySeconds = bytes > 0
            ? bytes / (device.memoryBandwidth * params.memoryEfficiency.efficiency(work: bytes)) : 0
        let work = params.serialMemory == true ? computeSeconds + memorySeconds : max(computeSeconds, memorySeconds)
        return params.launchOverheadSeconds + work
    }

    /// Seconds for a work item.
    public func seconds(_ item: WorkItem) -> Double {
        seconds(item.cost, gemm: item.gemm, precision: item.precision, opClass: item.opClass, pass: item.pass)
    }
}
