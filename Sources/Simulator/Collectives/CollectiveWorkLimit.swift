import InputParsing
/// How many point-to-point transfers an event simulation of collectives may process, and a conservative count of
/// the transfers a collective's schedule holds, known before the schedule is built.
///
/// The event kernel processes about a million transfers a second and keeps every transfer of a schedule in
/// memory, so the limit keeps one `gansim collective` or `simulate` within a few tens of seconds and a few GB.
public enum CollectiveWorkLimit {
    /// Transfers one collective's event simulation runs at most; beyond it an all-reduce with a closed form
    /// (ring, hierarchical, torus) is timed in closed form, other collectives are refused.
    public static let maximumTransfers = 10_000_000.0

    /// Transfers the whole event simulation of a training run (`simulate`) processes at most.
    public static let maximumSimulationTransfers = 100_000_000.0

    /// About the transfers of `algorithm` over `devices` participants with `chunks` chunks, erring high, in floating
    /// point so that it cannot overflow: a ring or direct exchange moves 2 n^2 transfers per chunk; hierarchical
    /// schedules a ring inside each machine (taken as 8 devices) plus a ring or tree across machines; a torus a
    /// ring along each of (taken as) two dimensions; trees and the parameter server a few per participant.
    public static func estimatedTransfers(algorithm: CollectiveAlgorithm, devices: Int, chunks: Int) -> Double {
        let n = Double(max(devices, 1)), k = Double(max(chunks, 1)), g = min(n, 8)
        switch algorithm {
        case .tree: return 8 * n * k
        case .parameterServer: return 2 * n * k
        case .hierarchicalTree: return (2 * n * g + 8 * n) * k
        case .hierarchical: return (2 * n * g + 2 * (n / g) * (n / g) * g) * k
        case .torus: return 4 * n * (n.squareRoot() + 1) * k
        case .ring, .direct: return 2 * n * n * k
        }
    }

    /// Participants of a tree, direct or parameter-server collective at most: these have no closed form, so their
    /// time is found by walking every transfer's route, whose length grows with the devices on ring-like topologies.
    public static let maximumWalkedDevices = 4096

    /// Refuses a collective without a closed form over more than `maximumWalkedDevices` participants; `field` names
    /// the devices field.
    public static func checkWalk(algorithm: CollectiveAlgorithm, devices: Int, field: String) throws {
        guard [.tree, .direct, .parameterServer].contains(algorithm), devices > maximumWalkedDevices else { return }
        throw ConfigurationError(
            field: field, value: "\(devices)",
            reason: "\(algorithm.rawValue) collectives are timed transfer by transfer along their routes, on up to \(maximumWalkedDevices) devices; use fewer devices or ring, hierarchical or torus, which have a closed form")
    }

    /// A count as words: `12 million`, `3.4 billion`.
    public static func words(_ count: Double) -> String {
        if count >= 1e9 { return "\((count / 1e8).rounded() / 10) billion" }
        if count >= 1e6 { return "\((count / 1e5).rounded() / 10) million" }
        return "\(Int(count))"
    }
}
