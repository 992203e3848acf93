import CostModel

/// One optimizer step of a device, priced once and reused: when data is consumed, when gradient buckets are ready.
///
/// A step is the run of recipe segments up to a network's `.update` (and a following
/// `.ema`). Offsets are seconds from the step's start on a device with no jitter and
/// no data stall.
struct StepPattern {
    /// The network whose optimizer ends the step.
    var network: NetworkRole
    /// A readable label, e.g. `D step 1` or `G step`.
    var label: String
    /// Compute seconds before the optimizer.
    var computeSeconds: Double
    /// Seconds of the optimizer (and EMA) items.
    var updateSeconds: Double
    /// Activity-weighted compute and update seconds (each item's seconds times its `WorkActivity`), for the energy model.
    var activitySeconds: Double = 0
    /// Offsets at which a micro-batch of real images is needed (D steps).
    var dataOffsets: [Double]
    /// Offsets at which each gradient bucket is complete.
    var bucketOffsets: [Double]
    /// Bytes of each gradient bucket.
    var bucketBytes: [Double]

    /// Splits one iteration's segments into steps and prices their work items.
    static func steps(
        segments: [RecipeSegment], builder: WorkItemBuilder, roofline: RooflineModel, bucketBytes: Double
    ) -> [StepPattern] {
        // Repeated segments (the D steps of nDisc, micro-batches) are priced once: only
        // what changes the work items is part of the key.
        var memo: [RecipeSegment: [PricedItem]] = [:]
        func pricedItems(_ segment: RecipeSegment) -> [PricedItem] {
            var key = segment
            key.step = 0
            key.microBatch = 0
            if let known = memo[key] { return known }
            let priced = builder.items(for: key).map { item in
                let seconds = roofline.seconds(item)
                return PricedItem(seconds: seconds, activity: seconds * WorkActivity.fraction(item, seconds: seconds, device: roofline.device),
                                  gradientBytes: item.gradientBytes)
            }
            memo[key] = priced
            return priced
        }
        var steps: [StepPattern] = []
        var current = StepPattern(network: .discriminator, label: "", computeSeconds: 0, updateSeconds: 0, dataOffsets: [], bucketOffsets: [], bucketBytes: [])
        var pendingBucket = 0.0
        var open = false
        for segment in segments {
            let items = pricedItems(segment)
            switch segment.kind {
            case .update:
                if pendingBucket > 0 {
                    current.bucketOffsets.append(current.computeSeconds)
                    current.bucketBytes.append(pendingBucket)
                    pendingBucket = 0
                }
                current.network = segment.network
                for item in items {
                    current.updateSeconds += item.seconds
                    current.activitySeconds += item.activity
                }
                let name = segment.network == .discriminator ? "D" : "G"
                let phase = segment.phase == .discriminator || segment.phase == .generator ? "" : " \(segment.phase.rawValue)"
                current.label = "\(name) step\(segment.network == .discriminator ? " \(segment.step)" : "")\(phase)"
                steps.append(current)
                current = StepPattern(network: .discriminator, label: "", computeSeconds: 0, updateSeconds: 0, dataOffsets: [], bucketOffsets: [], bucketBytes: [])
                open = false
            case .ema:
                if var last = steps.popLast() {
                    for item in items {
                        last.updateSeconds += item.seconds
                        last.activitySeconds += item.activity
                    }
                    steps.append(last)
                }
            case .forward, .backward:
                open = true
                if segment.phase == .discriminator && segment.network == .generator && segment.kind == .forward {
                    current.dataOffsets.append(current.computeSeconds)
                }
                for item in items {
                    current.computeSeconds += item.seconds
                    current.activitySeconds += item.activity
                    if item.gradientBytes > 0 {
                        pendingBucket += Double(item.gradientBytes)
                        if pendingBucket >= bucketBytes {
                            current.bucketOffsets.append(current.computeSeconds)
                            current.bucketBytes.append(pendingBucket)
                            pendingBucket = 0
                        }
                    }
                }
            }
        }
        precondition(!open, "a recipe iteration must end with an optimizer update")
        return steps
    }

    /// A work item's priced time, activity-weighted time and gradient bytes.
    struct PricedItem {
        var seconds: Double, activity: Double, gradientBytes: Int
    }
}
