import Workload
import InputParsing

extension TrainingRecipe {
    /// Applies the scenario's `recipe` section to `model`'s official recipe; errors name the field, value and line.
    mutating func apply(_ section: ScenarioInput.Recipe, model: GANModel, in input: ScenarioInput) throws {
        batchPerDevice = section.batchPerDevice ?? batchPerDevice
        accumulation = section.accumulation ?? accumulation
        discriminatorSteps = section.discriminatorSteps ?? discriminatorSteps
        if let chosen = section.precision {
            precision = TrainingRecipe.official(for: model.config.architecture, batchPerDevice: 1, precision: chosen).precision
        }
        if let blocks = section.mixedPrecisionResolutions {
            precision.highestResolutions = blocks == 0 ? nil : blocks
        }
        optimizer = section.optimizer ?? optimizer
        ema = section.ema ?? ema
        r1Interval = section.r1Interval ?? r1Interval
        pathLengthInterval = section.pathLengthInterval ?? pathLengthInterval
        hostLaunches = section.hostLaunches ?? hostLaunches
        implementation = section.implementation ?? implementation
        if let frozen = section.frozenDiscriminatorBlocks {
            let blocks = model.discriminator.blocks
            guard frozen < blocks.count else {
                throw input.locate(ConfigurationError(
                    field: "frozenDiscriminatorBlocks", value: "\(frozen)",
                    reason: "\(model.name)'s D has \(blocks.count) blocks (\(blocks.joined(separator: ", "))); freeze fewer than all of them"),
                    section: "recipe", key: "frozenDiscriminatorBlocks")
            }
            frozenDiscriminatorBlocks = frozen == 0 ? nil : frozen
        }
    }
}
