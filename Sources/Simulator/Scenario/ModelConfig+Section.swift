import Workload
import InputParsing

extension ModelConfig {
    /// The model this configuration builds (through `cache` when given); errors are located in `input`'s `model` section.
    func build(locatedIn input: ScenarioInput, cache: ScenarioCache?) throws -> GANModel {
        do { return try cache?.model(self) ?? build() } catch {
            // Knobs the builder checks (frames, channel multipliers): point at the section's own key.
            let given = ["frames": frames != nil, "generatorChannels": generatorChannels != nil,
                         "discriminatorChannels": discriminatorChannels != nil]
            if case .invalid(let field, let value, let expected)? = error as? ModelError, given[field] == true {
                throw input.locate(ConfigurationError(field: field, value: value, reason: "expected \(expected)"), section: "model", key: field)
            }
            throw input.locate(ConfigurationError(field: "model", value: architecture.rawValue, reason: "\(error)"), section: "model", key: "architecture")
        }
    }
}
