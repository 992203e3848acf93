/// Where a flow slot of a `Interconnect` stands.
enum FlowState: UInt8 {
    /// The slot is unused.
    case free
    /// Transmitting alone on all its links at its route's bottleneck rate; only its delivery event is scheduled.
    case exclusive
    /// Transmitting on a link it shares (now or earlier); its rate comes from max-min water-filling and a transmission-end event is scheduled.
    case shared
    /// All bytes sent, off its links; waiting for the route latency to elapse.
    case delivering
}
