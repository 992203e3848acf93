/// A real run trained a different model from the one predicted for its configuration.
public struct ModelMismatch: Error, CustomStringConvertible {
    /// The configuration's label.
    public var label: String
    /// Parameters of G and D in the run.
    public var measured: (generator: Int, discriminator: Int)
    /// Parameters of G and D in the predicted model.
    public var predicted: (generator: Int, discriminator: Int)

    public var description: String {
        "run '\(label)' trained G/D with \(measured.generator)/\(measured.discriminator) parameters, "
            + "but the model predicted for it has \(predicted.generator)/\(predicted.discriminator)"
    }
}
