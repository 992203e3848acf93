import CostModel
import Workload

/// Where G and D live: both on every device (one group), or G on the first ranks and D on the rest (two groups).
///
/// With separate groups every D device trains on `batchPerDevice` reals and as many fakes;
/// the G group generates the same number of fakes in total, so each G device runs G at
/// `ceil(batchPerDevice × dDevices / gDevices)` samples. A G forward of a D step or of the G
/// step sends its fakes to the D group; D's forward waits for them. The G step's D backward
/// into the images sends the image gradients back; G's backward waits for them.
struct DevicePlacement {
    /// Device ranks of each group: `[all]`, or `[G ranks, D ranks]`.
    let groups: [[Int]]

    /// G and D on every one of `devices` devices.
    static func colocated(devices: Int) -> DevicePlacement { DevicePlacement(groups: [Array(0..<devices)]) }

    /// G on ranks `0..<generatorDevices`, D on the rest of `devices`.
    static func split(devices: Int, generatorDevices: Int) -> DevicePlacement {
        DevicePlacement(groups: [Array(0..<generatorDevices), Array(generatorDevices..<devices)])
    }

    /// The devices each network replicated on more than one device (data parallel) is spread over.
    var replicas: [NetworkRole: Int] {
        Dictionary(uniqueKeysWithValues: NetworkRole.allCases.map { ($0, groups[group($0)].count) }.filter { $0.1 > 1 })
    }

    /// The networks replicated on more than one device.
    var replicated: Set<NetworkRole> { Set(replicas.keys) }

    /// Whether G and D have separate groups.
    var isSplit: Bool { groups.count == 2 }

    /// The group that owns a network.
    func group(_ network: NetworkRole) -> Int { isSplit && network == .discriminator ? 1 : 0 }

    /// Samples one G device generates when every D device needs `batch` fakes.
    func generatorBatch(_ batch: Int) -> Int {
        guard isSplit else { return batch }
        return (batch * groups[1].count + groups[0].count - 1) / groups[0].count
    }

    /// The segment as its group runs it: G segments at the G group's per-device batch.
    func placed(_ segment: RecipeSegment) -> RecipeSegment {
        guard isSplit, segment.network == .generator, segment.batch > 0 else { return segment }
        var copy = segment
        copy.batch = generatorBatch(segment.batch)
        return copy
    }

    /// The order the groups run an iteration's segments in: recipe order, except that a separate G
    /// group generates every fake batch of the iteration back to back, ahead of D (G's weights do not
    /// change during the D steps).
    func order(_ segments: [RecipeSegment]) -> [RecipeSegment] {
        guard isSplit else { return segments }
        return segments.filter(Self.generatesFakes) + segments.filter { !Self.generatesFakes($0) }
    }

    /// Whether a segment is a G forward that makes fakes for a D step or the G step.
    static func generatesFakes(_ segment: RecipeSegment) -> Bool {
        segment.network == .generator && segment.kind == .forward && (segment.phase == .discriminator || segment.phase == .generator)
    }

    /// The product a segment waits for from the other group, if any.
    func awaited(by segment: RecipeSegment) -> ScheduleBlock.Product? {
        guard isSplit else { return nil }
        if segment.network == .discriminator, segment.kind == .forward, segment.phase == .discriminator || segment.phase == .generator {
            return .fakes(phase: segment.phase, step: segment.step, microBatch: segment.microBatch)
        }
        if segment.network == .generator, segment.phase == .generator, case .backward = segment.kind {
            return .imageGradients(microBatch: segment.microBatch)
        }
        return nil
    }

    /// The product a segment (as in the recipe, before placement) sends to the other group, and its bytes per
    /// receiving device for samples of `sampleBytes`.
    func sent(by segment: RecipeSegment, sampleBytes: Double) -> (product: ScheduleBlock.Product, bytesPerDestination: Double)? {
        guard isSplit else { return nil }
        if Self.generatesFakes(segment) {
            return (.fakes(phase: segment.phase, step: segment.step, microBatch: segment.microBatch), Double(segment.batch) * sampleBytes)
        }
        if segment.network == .discriminator, segment.phase == .generator, case .backward(_, true) = segment.kind {
            return (.imageGradients(microBatch: segment.microBatch), Double(generatorBatch(segment.batch)) * sampleBytes)
        }
        return nil
    }
}
