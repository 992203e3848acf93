extension JitterSpec {
    /// The scenario's `jitter` section (unset fields: no jitter).
    init(section: ScenarioInput.Jitter) {
        self.init(coefficientOfVariation: section.cv ?? 0, stragglerProbability: section.stragglerProbability ?? 0,
                  stragglerSlowdown: section.stragglerSlowdown ?? 1, deviceCoefficientOfVariation: section.deviceCv ?? 0)
    }
}
