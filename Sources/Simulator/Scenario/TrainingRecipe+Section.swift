import Workload
import InputParsing

extension TrainingRecipe {
    /// Applies the scenario's `recipe` section to `model`'s official recipe; errors name the field, value and line.
    mutating func read(_ section: inout ScenarioYAMLSection, model: GANModel) throws {
        batchPerDevice = try section.int("batchPerDevice", minimum: 1) ?? batchPerDevice
        accumulation = try section.int("accumulation", minimum: 1) ?? accumulation
        discriminatorSteps = try section.int("discriminatorSteps", minimum: 1) ?? discriminatorSteps
        if let chosen = try section.choice("precision", Precision.self) {
            precision = TrainingRecipe.official(for: model.config.architecture, batchPerDevice: 1, precision: chosen).precision
        }
        if let blocks = try section.int("mixedPrecisionResolutions") {
            precision.highestResolutions = blocks == 0 ? nil : blocks
        }
        optimizer = try section.choice("optimizer", OptimizerKind.self) ?? optimizer
        ema = try section.bool("ema") ?? ema
        r1Interval = try section.int("r1Interval") ?? r1Interval
        pathLengthInterval = try section.int("pathLengthInterval") ?? pathLengthInterval
        hostLaunches = try section.choice("hostLaunches", HostLaunchMode.self) ?? hostLaunches
        implementation = try section.string("implementation") ?? implementation
        if let frozen = try section.int("frozenDiscriminatorBlocks") {
            let blocks = model.discriminator.blocks
            guard frozen < blocks.count else {
                throw section.locate(ConfigurationError(
                    field: "frozenDiscriminatorBlocks", value: "\(frozen)",
                    reason: "\(model.name)'s D has \(blocks.count) blocks (\(blocks.joined(separator: ", "))); freeze fewer than all of them"),
                    key: "frozenDiscriminatorBlocks")
            }
            frozenDiscriminatorBlocks = frozen == 0 ? nil : frozen
        }
        try section.finish()
    }
}
