import CostModel
import Workload

/// The priced blocks of one plan's iterations, per iteration of the lazy-regularisation period, built on first use.
///
/// Segments are priced by the plan's `SegmentPricer` (the one pricing path); the table cuts them
/// into blocks (`ScheduleBlock`) for the placement of G and D, groups gradient bytes into
/// buckets of `bucketBytes` (a step's last bucket is flushed at its update), and adds the
/// profile's per-iteration host overhead to each group's last block. Not thread-safe: one
/// table per simulation, or per sweep thread through `ScenarioCache`.
final class ScheduleBlockTable {
    let pricer: SegmentPricer
    /// The table of one device holding both networks (nil: this table is one).
    private let singleDevice: ScheduleBlockTable?
    let placement: DevicePlacement
    let bucketBytes: Double
    /// Bytes of one sample crossing between groups (an image or its gradient at the recipe's precision).
    private let sampleBytes: Double
    /// Per iteration of the lazy-regularisation period (the recipe's segments repeat with it): the blocks and the
    /// single-device seconds.
    private var byPhase: [Int: (blocks: [ScheduleBlock], singleDeviceSeconds: Double)] = [:]

    /// A table of `pricer`'s segments under `placement`; `singleDevice` is the table of one device holding both
    /// networks, the baseline of scaling efficiency (built here when the placement needs one and none is given).
    init(pricer: SegmentPricer, placement: DevicePlacement, bucketBytes: Double, singleDevice: ScheduleBlockTable? = nil) {
        self.pricer = pricer
        if placement.isSplit || !pricer.replicas.isEmpty {
            // The baseline has no replicas, so none of data parallelism's launches.
            self.singleDevice = singleDevice ?? ScheduleBlockTable(
                pricer: SegmentPricer(model: pricer.model, recipe: pricer.recipe, device: pricer.device),
                placement: .colocated(devices: 1), bucketBytes: bucketBytes)
        } else {
            self.singleDevice = nil
        }
        self.placement = placement
        self.bucketBytes = bucketBytes
        sampleBytes = Double(pricer.model.sampleShape.elementCount * pricer.recipe.precision.precision.bytesPerElement)
    }

    /// The blocks of iteration `iteration`, and the seconds of that iteration on one device holding both networks
    /// (the baseline of scaling efficiency).
    func iteration(_ iteration: Int) -> (blocks: [ScheduleBlock], singleDeviceSeconds: Double) {
        let phase = iteration % pricer.recipe.period
        if let known = byPhase[phase] { return known }
        let segments = pricer.recipe.segments(iteration: phase)
        let blocks = Self.build(segments: segments, placement: placement, pricer: pricer, bucketBytes: bucketBytes, sampleBytes: sampleBytes)
        let baseline = singleDevice?.iteration(iteration).blocks ?? blocks
        let entry = (blocks, baseline.reduce(0) { $0 + $1.computeSeconds + $1.updateSeconds })
        byPhase[phase] = entry
        return entry
    }

    /// Cuts `segments` into priced blocks (see `ScheduleBlock` for where blocks end).
    static func build(
        segments: [RecipeSegment], placement: DevicePlacement, pricer: SegmentPricer, bucketBytes: Double, sampleBytes: Double
    ) -> [ScheduleBlock] {
        var blocks: [ScheduleBlock] = []
        var current: ScheduleBlock?
        var pendingBucket = Array(repeating: 0.0, count: placement.groups.count)
        var realsTaken: Set<[Int]> = []
        let dGroup = placement.group(.discriminator)
        func close() {
            if let block = current { blocks.append(block) }
            current = nil
        }
        for original in placement.order(segments) {
            let segment = placement.placed(original)
            let group = placement.group(segment.network)
            let awaits = placement.awaited(by: segment)
            if let open = current, open.group != group || awaits != nil { close() }
            let items = pricer.price(segment).items
            if segment.kind == .ema {
                // The EMA follows the group's last optimizer step.
                if let last = blocks.lastIndex(where: { $0.group == group }) {
                    for item in items {
                        blocks[last].updateSeconds += item.seconds
                        blocks[last].activitySeconds += item.activitySeconds
                    }
                }
                continue
            }
            var block = current ?? ScheduleBlock(group: group, label: Self.label(segment), awaits: awaits)
            switch segment.kind {
            case .update:
                if pendingBucket[group] > 0 {
                    block.bucketOffsets.append(block.computeSeconds)
                    block.bucketBytes.append(pendingBucket[group])
                    pendingBucket[group] = 0
                }
                block.network = segment.network
                for item in items {
                    block.updateSeconds += item.seconds
                    block.activitySeconds += item.activitySeconds
                }
                let name = segment.network == .discriminator ? "D" : "G"
                let phase = segment.phase == .discriminator || segment.phase == .generator ? "" : " \(segment.phase.rawValue)"
                block.label = "\(name) step\(segment.network == .discriminator ? " \(segment.step)" : "")\(phase)"
                block.endsWithUpdate = true
                current = block
                close()
            case .forward, .backward, .doubleBackward:
                // A D-step micro-batch takes its reals at the first of its segments on D's devices.
                if segment.phase == .discriminator, group == dGroup, realsTaken.insert([segment.step, segment.microBatch]).inserted {
                    block.dataOffsets.append(block.computeSeconds)
                }
                block.replicationBytes += pricer.replicationBytes(of: segment)
                for item in items {
                    block.computeSeconds += item.seconds
                    block.activitySeconds += item.activitySeconds
                    if item.gradientBytes > 0 {
                        pendingBucket[group] += Double(item.gradientBytes)
                        if pendingBucket[group] >= bucketBytes {
                            block.bucketOffsets.append(block.computeSeconds)
                            block.bucketBytes.append(pendingBucket[group])
                            pendingBucket[group] = 0
                        }
                    }
                }
                current = block
                if let sent = placement.sent(by: original, sampleBytes: sampleBytes) {
                    current?.sends = sent
                    close()
                }
            case .ema:
                break
            }
        }
        precondition(current == nil, "a recipe iteration must end with an optimizer update")
        // The profile's host time outside the ops, once per iteration on every device.
        let overhead = pricer.iterationOverheadSeconds
        if overhead > 0 {
            for group in placement.groups.indices {
                if let last = blocks.lastIndex(where: { $0.group == group }) { blocks[last].updateSeconds += overhead }
            }
        }
        return blocks
    }

    /// A block's label from its first segment, e.g. `G forward (discriminator 0)`.
    private static func label(_ segment: RecipeSegment) -> String {
        let what: String
        switch segment.kind {
        case .forward: what = "forward"
        case .backward: what = "backward"
        case .doubleBackward: what = "double backward"
        case .update: what = "update"
        case .ema: what = "ema"
        }
        return "\(segment.network == .generator ? "G" : "D") \(what) (\(segment.phase.rawValue) \(segment.step))"
    }
}
