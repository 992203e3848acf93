import Workload
import InputParsing

extension ScenarioInput {
    /// The `model` section as written.
    public struct Model: ScenarioInputSection {
        /// nil: BigGAN.
        public var architecture: Architecture?
        public var resolution: Int?
        public var width: Int?
        public var preset: String?
        public var latent: Int?
        public var classes: Int?
        public var frames: Int?
        public var generatorChannels: Double?
        public var discriminatorChannels: Double?

        public init() {}

        /// The section of `config`: every field it sets.
        public init(_ config: ModelConfig) {
            architecture = config.architecture
            resolution = config.resolution
            width = config.width
            preset = config.preset
            latent = config.latentDim
            classes = config.classes
            frames = config.frames
            generatorChannels = config.generatorChannels
            discriminatorChannels = config.discriminatorChannels
        }

        /// Reads the section; errors name the field, value and line.
        init(section: inout ScenarioYAMLSection) throws {
            if let name = try section.string("architecture") {
                do { architecture = try Architecture.named(name) } catch {
                    throw section.locate(ConfigurationError(field: "architecture", value: name, reason: "\(error)"), key: "architecture")
                }
            }
            resolution = try section.int("resolution")
            width = try section.int("width")
            preset = try section.string("preset")
            latent = try section.int("latent")
            classes = try section.int("classes")
            frames = try section.int("frames")
            generatorChannels = try section.double("generatorChannels")
            discriminatorChannels = try section.double("discriminatorChannels")
            try section.finish()
        }

        /// The configuration it describes.
        var config: ModelConfig {
            var config = ModelConfig(
                architecture: architecture ?? .biggan, resolution: resolution, width: width, preset: preset, latentDim: latent,
                classes: classes, frames: frames)
            config.generatorChannels = generatorChannels
            config.discriminatorChannels = discriminatorChannels
            return config
        }

        /// Checks each field's range.
        func validate(in input: ScenarioInput) throws {
            try input.check(resolution, "model.resolution", minimum: 1)
            try input.check(width, "model.width", minimum: 1)
            try input.check(latent, "model.latent", minimum: 1)
            try input.check(classes, "model.classes", minimum: 1)
            try input.check(frames, "model.frames")
            try input.check(generatorChannels, "model.generatorChannels")
            try input.check(discriminatorChannels, "model.discriminatorChannels")
        }

        mutating func apply(_ other: Self) -> [String] {
            var keys: [String] = []
            take(\.architecture, "architecture", from: other, into: &keys)
            take(\.resolution, "resolution", from: other, into: &keys)
            take(\.width, "width", from: other, into: &keys)
            take(\.preset, "preset", from: other, into: &keys)
            take(\.latent, "latent", from: other, into: &keys)
            take(\.classes, "classes", from: other, into: &keys)
            take(\.frames, "frames", from: other, into: &keys)
            take(\.generatorChannels, "generatorChannels", from: other, into: &keys)
            take(\.discriminatorChannels, "discriminatorChannels", from: other, into: &keys)
            return keys
        }
    }
}
