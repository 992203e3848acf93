/// Builds the G and D graphs of one architecture from a `ModelConfig`.
protocol ArchitectureBuilder {
    static var architecture: Architecture { get }
    static var supportedResolutions: [Int] { get }
    static var defaultResolution: Int { get }
    /// What `--width` sets, and its default.
    static var widthKnob: (name: String, defaultValue: Int) { get }
    static var presets: [ModelPreset] { get }
    /// The width knob must be a multiple of this (BigGAN's `ch` of 8 for its attention heads, ResNet-GAN's G width
    /// of 2 for D's half).
    static var widthMultiple: Int { get }
    /// The width knob a configuration builds with: its own, or the architecture's (or preset's) default.
    static func effectiveWidth(_ config: ModelConfig) throws(ModelError) -> Int
    static func build(_ config: ModelConfig) throws(ModelError) -> GANModel
}

extension ArchitectureBuilder {
    static var presets: [ModelPreset] { [] }
    static var widthMultiple: Int { 1 }
    static func effectiveWidth(_ config: ModelConfig) throws(ModelError) -> Int { config.width ?? widthKnob.defaultValue }

    /// The resolution to build, checked against the supported ones.
    static func resolution(_ config: ModelConfig) throws(ModelError) -> Int {
        let r = config.resolution ?? defaultResolution
        guard supportedResolutions.contains(r) else {
            throw .unsupported(field: "resolution", value: "\(r)", accepted: supportedResolutions.map(String.init))
        }
        return r
    }

    /// The width knob's value, checked to be positive and divisible by `multipleOf`.
    static func width(_ config: ModelConfig, multipleOf: Int = widthMultiple) throws(ModelError) -> Int {
        let w = config.width ?? widthKnob.defaultValue
        guard w > 0, w % multipleOf == 0 else {
            throw .invalid(field: "width", value: "\(w)",
                           expected: "a positive multiple of \(multipleOf) (\(widthKnob.name))")
        }
        return w
    }

    /// The named preset, if one was asked for.
    static func preset(_ config: ModelConfig) throws(ModelError) -> ModelPreset? {
        guard let name = config.preset else { return nil }
        guard let p = presets.first(where: { $0.name == name }) else {
            throw .unsupported(field: "preset", value: name,
                               accepted: presets.isEmpty ? ["(none for \(architecture.rawValue))"] : presets.map(\.name))
        }
        return p
    }

    /// Wraps a graph-building failure (a builder bug) as a model error.
    static func graph<T>(_ body: () throws(GraphError) -> T) throws(ModelError) -> T {
        do { return try body() } catch { throw .graph(error) }
    }
}
