/// One phase of a progressive-growing run as trained: the phase and the thousands of images it is trained for.
public struct GrowthStep: Sendable {
    /// The phase's networks, resolution and official minibatch.
    public var phase: GANPhase
    /// Thousands of images shown to D in this phase of the run.
    public var kimg: Double
}
