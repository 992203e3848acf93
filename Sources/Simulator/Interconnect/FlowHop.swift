/// An entry of a link's list of active flows: which flow, and which hop of its route this link is.
struct FlowHop {
    /// The flow slot.
    var flow: Int32
    /// Index of this link within the flow's route.
    var hop: Int32
}
