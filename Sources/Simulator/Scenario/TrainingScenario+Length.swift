import Workload
import InputParsing

extension TrainingScenario {
    /// The run's length from the `training` section: its iterations (1,000 by default), and for a growing model
    /// (unless `growth: false`) the thousands of images it trains, nil otherwise.
    ///
    /// kimg counts images as the official loops' `cur_nimg` does: a video GAN's sample is `imagesPerSample` frames
    /// (StyleGAN-V: `cur_nimg += batch * frames`); epochs count the dataset's samples (videos). A growing run counts
    /// images: its length is kimg or epochs (the official total by default), never iterations. The section gives one
    /// length: iterations before epochs before kimg, and a second is refused as a field the section does not take.
    static func length(_ section: ScenarioInput.Training?, in input: ScenarioInput, model: GANModel, samplesPerIteration: Int) throws
        -> (iterations: Int, growthKimg: Double?) {
        let realsPerIteration = samplesPerIteration * model.imagesPerSample
        var total = 1000
        var grows = !model.phases.isEmpty
        var growthKimg = model.officialGrowthKimg ?? 0
        guard let section else { return (total, grows ? growthKimg : nil) }
        grows = section.growth.map { $0 && !model.phases.isEmpty } ?? grows
        var ignored: [(key: String, value: Double?)] = []
        if let iterations = section.iterations {
            total = iterations
            if grows {
                throw input.locate(ConfigurationError(
                    field: "iterations", value: "\(iterations)",
                    reason: "a progressive-growing run counts images: give training.kimg or epochs, or set training.growth: false"),
                    section: "training", key: "iterations")
            }
            ignored = [("epochs", section.epochs), ("kimg", section.kimg)]
        } else if let epochs = section.epochs {
            let samples = section.datasetSamples ?? 1_281_167  // ImageNet-1k training images
            total = max(1, Int((epochs * Double(samples) / Double(samplesPerIteration)).rounded(.up)))
            growthKimg = epochs * Double(samples) / 1000
            ignored = [("kimg", section.kimg)]
        } else if let kimg = section.kimg {
            total = max(1, Int((kimg * 1000 / Double(realsPerIteration)).rounded(.up)))
            growthKimg = kimg
        }
        let second = ignored.compactMap { field in field.value.map { (key: field.key, value: $0) } }
            .min { (input.sources["training.\($0.key)"]?.order ?? .max) < (input.sources["training.\($1.key)"]?.order ?? .max) }
        if let second {
            let source = input.sources["training.\(second.key)"]
            throw ScenarioYAMLSection.unknownField(
                second.key, in: "training", value: source?.text ?? "\(second.value)", line: source?.line, column: source?.column)
        }
        if grows && !(growthKimg > 0) {
            throw input.locate(ConfigurationError(field: "kimg", value: "0", reason: "a progressive-growing run needs images to train on"),
                               section: "training", key: "kimg")
        }
        return (total, grows ? growthKimg : nil)
    }
}
