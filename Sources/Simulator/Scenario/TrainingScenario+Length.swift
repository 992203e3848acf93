import Workload
import InputParsing

extension TrainingScenario {
    /// The run's length from the `training` section: its iterations (1,000 by default), and for a growing model
    /// (unless `growth: false`) the thousands of images it trains, nil otherwise.
    ///
    /// kimg counts images as the official loops' `cur_nimg` does: a video GAN's sample is `imagesPerSample` frames
    /// (StyleGAN-V: `cur_nimg += batch * frames`); epochs count the dataset's samples (videos). A growing run counts
    /// images: its length is kimg or epochs (the official total by default), never iterations.
    static func length(in top: inout ScenarioYAMLSection, model: GANModel, samplesPerIteration: Int) throws -> (iterations: Int, growthKimg: Double?) {
        let realsPerIteration = samplesPerIteration * model.imagesPerSample
        var total = 1000
        var grows = !model.phases.isEmpty
        var growthKimg = model.officialGrowthKimg ?? 0
        if var section = try top.section("training") {
            grows = try section.bool("growth").map { $0 && !model.phases.isEmpty } ?? grows
            if let iterations = try section.int("iterations", minimum: 1) {
                total = iterations
                if grows {
                    throw section.locate(ConfigurationError(
                        field: "iterations", value: "\(iterations)",
                        reason: "a progressive-growing run counts images: give training.kimg or epochs, or set training.growth: false"),
                        key: "iterations")
                }
            } else if let epochs = try section.double("epochs", minimum: 0) {
                let samples = try section.int("datasetSamples", minimum: 1) ?? 1_281_167  // ImageNet-1k training images
                total = max(1, Int((epochs * Double(samples) / Double(samplesPerIteration)).rounded(.up)))
                growthKimg = epochs * Double(samples) / 1000
            } else if let kimg = try section.double("kimg", minimum: 0) {
                total = max(1, Int((kimg * 1000 / Double(realsPerIteration)).rounded(.up)))
                growthKimg = kimg
            }
            _ = try section.int("datasetSamples", minimum: 1)
            try section.finish()
            if grows && !(growthKimg > 0) {
                throw section.locate(ConfigurationError(field: "kimg", value: "0", reason: "a progressive-growing run needs images to train on"), key: "kimg")
            }
        }
        return (total, grows ? growthKimg : nil)
    }
}
