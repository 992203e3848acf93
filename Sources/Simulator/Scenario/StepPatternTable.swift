import CostModel

/// The priced steps of one model, recipe, device and bucket size, per recipe segment list, filled on first use.
///
/// `ScenarioCache` hands one table per plan, so an estimate hashes the (large) plan key
/// once and then looks its iterations up by their segments only. Not thread-safe: it
/// belongs to one thread's cache.
final class StepPatternTable {
    private let plan: TrainingPlan
    private var steps: [[RecipeSegment]: [StepPattern]] = [:]

    /// An empty table for `plan`'s model, recipe, device and bucket size.
    init(plan: TrainingPlan) { self.plan = plan }

    /// The priced steps of one iteration's `segments`, computed on first use.
    func steps(segments: [RecipeSegment]) -> [StepPattern] {
        if let known = steps[segments] { return known }
        let priced = StepPattern.steps(
            segments: segments, builder: WorkItemBuilder(model: plan.model, recipe: plan.recipe),
            roofline: RooflineModel(device: plan.device), bucketBytes: plan.bucketBytes)
        steps[segments] = priced
        return priced
    }
}
