import CPUExecution
import Workload

/// What a CPU profile adds to the roofline: the way gansim's CPU trainer executes a work item.
///
/// The trainer runs small loops and products inline on one thread (`ThreadSplit`), so on a
/// profile restricted to more than one thread such items are priced on the profile restricted
/// to one. It converts a convolution's tensors to and from oneDNN's blocked layouts
/// (`ConvolutionLayout`), which adds `conversionBytes / (bandwidth * lowering)` where the
/// profile's class has a fitted lowering efficiency; the blocked copies count in the pass's working set, which
/// streams at the private caches' rate where they hold it (`DeviceProfile.memoryBandwidth(workingSetBytes:)`).
/// Accelerator profiles never take this path.
///
/// A model whose training state (weights, gradients, optimizer moments) outgrows the CPU's last-level cache streams
/// it through memory every step, so a linear layer's weights are no longer in cache when a product reads them, and
/// OpenBLAS packs them before its kernel runs: each product of a linear layer also reads the share of its weights
/// that the state leaves outside the cache at the profile's memory bandwidth (`streamedWeightShare`).
public struct CPUTrainerPricing: Sendable {
    /// The CPU profile on its threads.
    public let device: DeviceProfile
    /// The profile restricted to one thread, for the items that run on one (nil: it runs on one already).
    private let serial: DeviceProfile?
    /// The share of the training state beyond the last-level cache, `1 - cache / state` (0 where it fits or the
    /// cache is unknown): the share of a linear layer's weights each of its products reads from memory.
    public let streamedWeightShare: Double

    /// The CPU pricing of `device` for a training state of `trainingStateBytes`, or nil if it is not a CPU.
    public init?(device: DeviceProfile, trainingStateBytes: Int = 0) {
        guard device.kind == .cpu else { return nil }
        self.device = device
        let threads = device.threads ?? device.cores ?? 1
        serial = threads > 1 ? device.restricted(toThreads: 1) : nil
        streamedWeightShare = device.lastLevelCacheBytes.map { Self.share(ofState: trainingStateBytes, beyond: $0) }
            ?? 0
    }

    /// The share of a training state of `stateBytes` beyond a cache of `cacheBytes`, `1 - cache / state` (0 where it
    /// fits): what least-recently-used replacement leaves outside the cache of a state streamed through it in order.
    public static func share(ofState stateBytes: Int, beyond cacheBytes: Int) -> Double {
        stateBytes > cacheBytes ? 1 - Double(cacheBytes) / Double(stateBytes) : 0
    }

    /// The profile a pass runs on: all the threads, or one for an inline pass.
    private func profile(splitsAcrossThreads: Bool) -> DeviceProfile {
        splitsAcrossThreads ? device : serial ?? device
    }

    /// Seconds of a pass of an op of `opClass` as the trainer runs it: on all threads or on one (`splitsAcrossThreads`), plus
    /// its layout conversions, `conversionBytes` (nil: twice the pass's own for a convolution,
    /// `ConvolutionLayout.conversionBytes(_:cost:)`).
    public func seconds(_ cost: PassCost, gemm: GemmShape?, precision: Precision, opClass: OpClass, pass: PassKind = .forward,
                        splitsAcrossThreads: Bool = true, conversionBytes: Int? = nil) -> Double {
        let on = profile(splitsAcrossThreads: splitsAcrossThreads)
        let params = on.parameters(for: opClass.pricing(forward: pass == .forward))
        let conversions = params.loweringEfficiency == nil ? 0
            : conversionBytes ?? ConvolutionLayout.conversionBytes(opClass, cost: cost)
        let workingSet = cost.bytes + conversions
        let base = RooflineModel.seconds(cost, gemm: gemm, precision: precision, opClass: opClass, pass: pass, on: on,
                                         workingSetBytes: workingSet)
        guard !cost.isEmpty, conversions > 0 else { return base }
        return base + params.loweringSeconds(columnBytes: conversions,
                                             bandwidth: on.memoryBandwidth(workingSetBytes: workingSet))
    }

    /// Seconds of `item` of the network `graph` in a pass whose gradient requirements are `requires`, under `optimizer`.
    /// A convolution's FLOPs are those oneDNN executes (`ConvolutionLayout.executedFlops`). A linear layer's product
    /// reads its weights' share beyond the cache from memory (`streamedWeightShare`), and a split item of a process
    /// whose threads outnumber its cores takes `DeviceProfile.oversubscribedSplitSlowdown` times as long (a convolution,
    /// which oneDNN splits, `oversubscribedConvolutionSplitSlowdown` times where it is measured). A convolution takes
    /// `DeviceProfile.convolutionTimeScale` times its price where the machine's speed on them was measured apart.
    public func seconds(_ item: WorkItem, graph: Graph, requires: [Bool], optimizer: OptimizerKind) -> Double {
        var cost = item.cost
        let op = item.opID.map { graph.ops[$0] }
        let conversions = op.map {
            ConvolutionLayout.conversionBytes(of: $0, pass: item.pass, cost: cost, batch: item.batch,
                                              block: device.convolutionChannelBlock)
        }
        if let op {
            cost.flops = ConvolutionLayout.executedFlops(of: op, pass: item.pass, flops: cost.flops,
                                                         block: device.convolutionChannelBlock)
        }
        let splits = item.splitsAcrossThreads(in: graph, requires: requires, optimizer: optimizer)
        var total = seconds(cost, gemm: item.gemm, precision: item.precision, opClass: item.opClass, pass: item.pass,
                            splitsAcrossThreads: splits, conversionBytes: conversions)
        guard !cost.isEmpty else { return total }
        if streamedWeightShare > 0, case .linear(let linear)? = op?.kind {
            let weightBytes = Double(4 * linear.inFeatures * linear.outFeatures)
            total += streamedWeightShare * weightBytes / profile(splitsAcrossThreads: splits).memoryBandwidth
        }
        let convolution = op.map(ConvolutionLayout.runsInOneDNN) ?? false
        if convolution, let scale = device.convolutionTimeScale { total *= scale }
        let splitSlowdown = convolution
            ? device.oversubscribedConvolutionSplitSlowdown ?? device.oversubscribedSplitSlowdown : device.oversubscribedSplitSlowdown
        if splits, let slowdown = splitSlowdown { total *= slowdown }
        return total
    }
}
