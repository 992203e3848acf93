/// An in-place sum across ranks that is under way; the owner drives it by polling.
protocol PendingReduction: AnyObject {
    /// Advances the reduction as far as the messages that have arrived allow; true once
    /// the buffer holds the sum on this rank.
    func poll() throws(MPIError) -> Bool
}

extension PendingReduction {
    /// Polls until complete, throwing `MPIError.timeout` after `timeoutSeconds`.
    func wait(timeoutSeconds: Double, operation: @autoclosure () -> String) throws(MPIError) {
        try PollLoop.run(timeoutSeconds: timeoutSeconds, operation: operation()) { () throws(MPIError) in try poll() }
    }
}
