import Workload
import InputParsing

extension ModelConfig {
    /// The scenario's `model` section; errors name the field, value and line.
    init(section: inout ScenarioYAMLSection) throws {
        let name = try section.string("architecture") ?? "biggan"
        let architecture: Architecture
        do { architecture = try Architecture.named(name) } catch {
            throw section.locate(ConfigurationError(field: "architecture", value: name, reason: "\(error)"), key: "architecture")
        }
        self.init(
            architecture: architecture, resolution: try section.int("resolution", minimum: 1),
            width: try section.int("width", minimum: 1), preset: try section.string("preset"),
            latentDim: try section.int("latent", minimum: 1), classes: try section.int("classes", minimum: 1),
            frames: try section.int("frames"))
        generatorChannels = try section.double("generatorChannels")
        discriminatorChannels = try section.double("discriminatorChannels")
        try section.finish()
    }

    /// The model this configuration builds (through `cache` when given); errors are located in the `model` section.
    func build(locatedIn section: inout ScenarioYAMLSection, cache: ScenarioCache?) throws -> GANModel {
        do { return try cache?.model(self) ?? build() } catch {
            // Knobs the builder checks (frames, channel multipliers): point at the section's own key.
            if case .invalid(let field, let value, let expected)? = error as? ModelError,
               ["frames", "generatorChannels", "discriminatorChannels"].contains(field), section.has(field) {
                throw section.locate(ConfigurationError(field: field, value: value, reason: "expected \(expected)"), key: field)
            }
            throw section.locate(ConfigurationError(field: "model", value: architecture.rawValue, reason: "\(error)"), key: "architecture")
        }
    }
}
