/// One phase of progressive growing: the networks at a resolution, stable or fading in.
public struct GANPhase: Sendable {
    public var resolution: Int
    /// Whether the new resolution's layers are being blended in (both toRGB/fromRGB paths run).
    public var fadingIn: Bool
    public var generator: Graph
    public var discriminator: Graph
    /// Images shown to D in this phase (thousands), from the official training schedule.
    public var kimg: Int
    /// Images per optimizer step over all devices at this resolution, from the official training schedule.
    public var minibatch: Int
}
