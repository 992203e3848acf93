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
        for (key, path) in [("generatorChannels", \ModelConfig.generatorChannels), ("discriminatorChannels", \ModelConfig.discriminatorChannels)] {
            guard let factor = try section.double(key) else { continue }
            guard factor > 0, factor <= 16 else {
                throw section.locate(ConfigurationError(field: key, value: "\(factor)", reason: "a channel multiplier is above 0 and at most 16"), key: key)
            }
            self[keyPath: path] = factor
        }
        try section.finish()
    }

    /// The model this configuration builds (through `cache` when given); errors are located in the `model` section.
    func build(locatedIn section: inout ScenarioYAMLSection, cache: ScenarioCache?) throws -> GANModel {
        do { return try cache?.model(self) ?? build() } catch {
            // Frames are checked by the builder (a video GAN needs 2 or more; an image GAN takes none): point at them.
            if case .invalid(let field, let value, let expected)? = error as? ModelError, field == "frames" {
                throw section.locate(ConfigurationError(field: "frames", value: value, reason: "expected \(expected)"), key: "frames")
            }
            throw section.locate(ConfigurationError(field: "model", value: architecture.rawValue, reason: "\(error)"), key: "architecture")
        }
    }
}
