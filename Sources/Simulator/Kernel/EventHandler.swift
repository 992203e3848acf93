/// A model component that receives the events scheduled for it.
public protocol EventHandler: AnyObject {
    /// Handles one event; the simulator's clock already equals `event.timeSeconds`.
    func handle(_ event: SimulationEvent, simulator: EventSimulator)
}
