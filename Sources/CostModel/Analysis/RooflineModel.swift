/// Time of one work item on one device: a roofline with size-dependent efficiency.
///
/// `t = launchOverhead + max(flops' / (peak * e_c(flops)), bytes / (bandwidth * e_m(bytes)))`
/// where `flops'` includes the padding of GEMM dimensions up to the matrix-unit tile,
/// `peak` is the matrix-unit peak at the item's precision for ops that lower to a matrix
/// product and the vector peak otherwise, and `e_c`, `e_m` are the device's saturating
/// efficiency curves. On a CPU profile whose class has a fitted lowering efficiency, the
/// column matrix of an im2col/col2im convolution adds its own pass,
/// `columnBytes / (bandwidth * lowering) + segments * loweringSecondsPerSegment` (see
/// `ConvolutionLowering`). On a CPU profile
/// restricted to more than one thread, items that the CPU trainer runs on one thread
/// (`WorkItem.splitsAcrossThreads`) are priced on the profile restricted to one thread.
public struct RooflineModel: Sendable {
    public let device: DeviceProfile
    /// The device restricted to one thread, for the items that run on one (nil: the
    /// device is not a CPU running on several threads).
    private let serial: DeviceProfile?

    public init(device: DeviceProfile) {
        self.device = device
        let threads = device.kind == .cpu ? device.threads ?? device.cores ?? 1 : 1
        serial = threads > 1 ? device.restricted(toThreads: 1) : nil
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
    /// device (callers validate). `columnRowLength` is the op's column-matrix segment
    /// length (`ConvolutionLowering.rowLength`), 0 if it has none.
    public func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass,
                        pass: PassKind = .forward, columnRowLength: Int = 0) -> Double {
        Self.seconds(cost, gemm: gemm, precision: precision, opClass: opClass, pass: pass,
                     columnRowLength: columnRowLength, on: device)
    }

    static func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass,
                        pass: PassKind, columnRowLength: Int, on device: DeviceProfile) -> Double {
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
        var lowering = 0.0
        if params.loweringEfficiency != nil {
            let column = ConvolutionLowering.columnBytes(opClass, pass: pass, gemm: gemm, precision: precision)
            lowering = params.loweringSeconds(
                columnBytes: column,
                segments: ConvolutionLowering.segments(columnBytes: column, rowLength: columnRowLength, precision: precision),
                bandwidth: device.memoryBandwidth)
        }
        let work = params.serialMemory == true ? computeSeconds + memorySeconds : max(computeSeconds, memorySeconds)
        return params.launchOverheadSeconds + work + lowering
    }

    /// Seconds for a work item.
    public func seconds(_ item: WorkItem) -> Double {
        let on = item.splitsAcrossThreads ? device : serial ?? device
        return Self.seconds(item.cost, gemm: item.gemm, precision: item.precision, opClass: item.opClass,
                            pass: item.pass, columnRowLength: item.columnRowLength, on: on)
    }
}
