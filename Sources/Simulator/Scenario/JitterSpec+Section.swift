import InputParsing
extension JitterSpec {
    /// The scenario's `jitter` section (unset fields: no jitter); errors name the field, value and line.
    init(section: inout ScenarioYAMLSection) throws {
        self.init()
        coefficientOfVariation = try section.double("cv") ?? 0
        stragglerProbability = try section.double("stragglerProbability") ?? 0
        stragglerSlowdown = try section.double("stragglerSlowdown", minimum: 1) ?? 1
        try section.finish()
        if stragglerProbability > 1 {
            throw section.locate(ConfigurationError(
                field: "stragglerProbability", value: "\(stragglerProbability)", reason: "a probability is at most 1"), key: "stragglerProbability")
        }
    }
}
