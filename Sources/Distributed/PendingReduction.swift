/// An in-place sum across ranks that is under way; the owner drives it by polling.
protocol PendingReduction: AnyObject {
    /// Advances the reduction as far as the messages that have arrived allow; true once
    /// the buffer holds the sum on this rank.
    func poll() throws(MPIError) -> Bool
}

extension PendingReduction {
    /// Polls until complete as `world` waits (`MPIWorld.timeoutSeconds`, `sleepsWhileWaiting`), throwing
    /// `MPIError.timeout` after its timeout.
    func wait(in world: MPIWorld, operation: @autoclosure () -> String) throws(MPIError) {
        try PollLoop.run(timeoutSeconds: world.timeoutSeconds, sleeps: world.sleepsWhileWaiting, operation: operation()) {
            () throws(MPIError) in try poll()
        }
    }
}
