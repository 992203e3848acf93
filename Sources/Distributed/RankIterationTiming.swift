/// Where one rank's communication time went in one training iteration, in seconds.
public struct RankIterationTiming: Sendable, Codable, Hashable {
    /// Time inside the gradient hooks during backward: posting bucket reductions,
    /// polling them and adding received chunks (the rank's cores do this work, so it
    /// does not overlap its own compute).
    public var communicationSeconds = 0.0
    /// Time blocked before each optimizer update until the step's buckets were reduced,
    /// plus the end-of-iteration loss average: exposed communication and waiting for
    /// slower ranks together.
    public var waitSeconds = 0.0
    /// For each synchronisation of the iteration (D's, then G's), in order: seconds this rank spent on the network's
    /// reductions that its compute did not hide: its gradient hooks advancing them during backward, and everything
    /// from its last bucket being ready (the end of its backward) to the gradients holding the mean over ranks. The
    /// rank whose backward ended last waits for no one, so its figure is what the reductions cost the step
    /// (`DistributedTrainResult.exposedReductionSeconds`).
    public var exposedReductionSeconds: [Double] = []
    /// Buckets all-reduced.
    public var buckets = 0
    /// Bytes of gradients all-reduced (this rank's input).
    public var bytes = 0

    /// An empty record.
    public init() {}
}
