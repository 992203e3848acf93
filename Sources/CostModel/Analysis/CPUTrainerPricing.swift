import CPUExecution
import Workload

/// What a CPU profile adds to the roofline: the way gansim's CPU trainer executes a work item.
///
/// The trainer runs small loops and products inline on one thread (`ThreadSplit`), so on a
/// profile restricted to more than one thread such items are priced on the profile restricted
/// to one. It converts a convolution's tensors to and from oneDNN's blocked layouts
/// (`ConvolutionLayout`), which adds `conversionBytes / (bandwidth * lowering)` where the
/// profile's class has a fitted lowering efficiency. Accelerator profiles never take this path.
public struct CPUTrainerPricing: Sendable {
    /// The CPU profile on its threads.
    public let device: DeviceProfile
    /// The profile restricted to one thread, for the items that run on one (nil: it runs on one already).
    private let serial: DeviceProfile?

    /// The CPU pricing of `device`, or nil if it is not a CPU.
    public init?(device: DeviceProfile) {
        guard device.kind == .cpu else { return nil }
        self.device = device
        let threads = device.threads ?? device.cores ?? 1
        serial = threads > 1 ? device.restricted(toThreads: 1) : nil
    }

    /// Seconds of a pass of an op of `opClass` as the trainer runs it: on all threads or on one (`splitsAcrossThreads`), plus
    /// its layout conversions.
    public func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass, pass: PassKind = .forward,
                        splitsAcrossThreads: Bool = true) -> Double {
        let on = splitsAcrossThreads ? device : serial ?? device
        let base = RooflineModel.seconds(cost, gemm: gemm, precision: precision, opClass: opClass, pass: pass, on: on)
        guard !cost.isEmpty else { return base }
        let params = on.parameters(for: opClass.pricing(forward: pass == .forward))
        guard params.loweringEfficiency != nil else { return base }
        return base + params.loweringSeconds(
            columnBytes: ConvolutionLayout.conversionBytes(opClass, cost: cost), bandwidth: on.memoryBandwidth)
    }

    /// Seconds of `item` of the network `graph` in a pass whose gradient requirements are `requires`, under `optimizer`.
    /// A convolution's FLOPs are those oneDNN executes (`ConvolutionLayout.executedFlops`). A split item of a process
    /// whose threads outnumber its cores also waits at the end of each of its parallel regions
    /// (`DeviceProfile.oversubscribedRegionSeconds`, `ConvolutionLayout.parallelRegions`).
    public func seconds(_ item: WorkItem, graph: Graph, requires: [Bool], optimizer: OptimizerKind) -> Double {
        var cost = item.cost
        let op = item.opID.map { graph.ops[$0] }
        if let op {
            cost.flops = ConvolutionLayout.executedFlops(of: op, pass: item.pass, flops: cost.flops,
                                                         block: device.convolutionChannelBlock)
        }
        let splits = item.splitsAcrossThreads(in: graph, requires: requires, optimizer: optimizer)
        let base = seconds(cost, gemm: item.gemm, precision: item.precision, opClass: item.opClass, pass: item.pass,
                           splitsAcrossThreads: splits)
        guard splits, let wait = device.oversubscribedRegionSeconds, !cost.isEmpty else { return base }
        let regions = op.map { ConvolutionLayout.parallelRegions(of: $0, batch: item.batch, block: device.convolutionChannelBlock) } ?? 1
        return base + Double(regions) * wait
    }
}
