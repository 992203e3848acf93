/// Receives notice when the last byte of a flow it started has arrived.
public protocol FlowObserver: AnyObject {
    /// Called at the simulated time the flow identified by `token` is delivered.
    func flowDelivered(token: Int, interconnect: Interconnect)
}
