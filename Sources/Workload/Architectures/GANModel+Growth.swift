extension GANModel {
    /// Thousands of images of the official growing run (ProGAN's `total_kimg`); nil for a model that does not grow.
    public var officialGrowthKimg: Double? { phases.isEmpty ? nil : Double(ProGANBuilder.totalKimg) }

    /// The phases a progressive-growing run of `totalKimg` thousand images trains, in order: each official phase for
    /// its kimg, the last stable phase until the total, and the run cut short where the total ends first (as the
    /// official loop stops at `total_kimg`). Empty for a model that does not grow.
    public func growth(totalKimg: Double) -> [GrowthStep] {
        var steps: [GrowthStep] = [], left = totalKimg
        for (index, phase) in phases.enumerated() where left > 0 {
            let kimg = index == phases.count - 1 ? left : min(Double(phase.kimg), left)
            steps.append(GrowthStep(phase: phase, kimg: kimg))
            left -= kimg
        }
        return steps
    }

    /// The model of one growth phase: its networks under this model's configuration and name.
    public func model(of phase: GANPhase) -> GANModel {
        GANModel(config: config, name: "\(name) at \(phase.resolution) px\(phase.fadingIn ? ", fading in" : "")",
                 generator: phase.generator, discriminator: phase.discriminator, preset: preset)
    }
}
