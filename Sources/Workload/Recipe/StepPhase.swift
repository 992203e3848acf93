/// The part of a GAN training iteration a work item belongs to.
public enum StepPhase: String, Codable, Sendable, Hashable {
    /// A discriminator step: G forward (no grads), D forward and backward on real and fake.
    case discriminator
    /// The generator step: G forward, D forward, D backward to its input, G backward.
    case generator
    /// Lazy R1 regularisation of D on reals (StyleGAN2), every `r1Interval` D steps.
    case r1
    /// Lazy path-length regularisation of G (StyleGAN2), every `pathLengthInterval` G steps.
    case pathLength
}
