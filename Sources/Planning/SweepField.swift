import Simulator

/// Names a sweep axis may use: short aliases for the common knobs, or any dotted scenario path.
public enum SweepField {
    /// Short names and the scenario fields they stand for.
    public static let aliases: [(name: String, path: String)] = [
        ("devices", "cluster.devices"), ("device", "cluster.device"), ("topology", "cluster.topology"),
        ("interconnect", "cluster.fabric"), ("fabric", "cluster.fabric"), ("oversubscription", "cluster.oversubscription"),
        ("batch", "recipe.batchPerDevice"), ("accumulation", "recipe.accumulation"), ("precision", "recipe.precision"),
        ("ndisc", "recipe.discriminatorSteps"), ("algorithm", "communication.algorithm"), ("bucket", "communication.bucket"),
        ("architecture", "model.architecture"), ("resolution", "model.resolution"), ("width", "model.width"),
        ("frames", "model.frames"),
    ]

    /// The top-level fields of a scenario file: the scenario's own list, so a section it reads can be swept.
    public static var sections: Set<String> { Set(TrainingScenario.fields[""] ?? []) }

    /// The scenario path of a field name; unknown sections are an error listing what is accepted.
    public static func path(for name: String) throws -> [String] {
        if let alias = aliases.first(where: { $0.name == name }) { return alias.path.split(separator: ".").map(String.init) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, sections.contains(first), parts.allSatisfy({ !$0.isEmpty }) else {
            throw SweepError(
                "unknown sweep field '\(name)': use one of \(aliases.map(\.name).joined(separator: ", ")) "
                    + "or a dotted scenario path such as cluster.oversubscription (sections: \(sections.sorted().joined(separator: ", ")))")
        }
        return parts
    }
}
