/// Executes a `CollectiveSchedule` on a `FlowNetwork`: starts each transfer when its dependencies are delivered.
///
/// A runner can be started again after it finishes (phase 2 reuses one per gradient
/// bucket). Local joins complete instantly; everything else becomes a network flow.
public final class CollectiveRunner: FlowObserver {
    /// The transfers to run.
    public let schedule: CollectiveSchedule
    /// The network that carries them.
    public let network: FlowNetwork
    /// Route id of each schedule pair (`pairs[i]` mapped to device vertices).
    let pairRoutes: [Int32]
    let pairIsLocal: [Bool]
    private var observerID: Int32 = -1
    private var pending: [Int32] = []
    private var ready: [Int32] = []
    /// Multiplies every transfer size (phase 2 reuses a schedule for buckets of other sizes).
    public var bytesScale: Double = 1

    /// Simulated time the last start happened, in seconds.
    public private(set) var startSeconds = 0.0
    /// Simulated time the last transfer was delivered, in seconds (valid once `isFinished`).
    public private(set) var endSeconds = 0.0
    /// Transfers completed in the current run.
    public private(set) var completedCount = 0
    /// Whether the current run has completed every transfer.
    public var isFinished: Bool { completedCount == schedule.transferCount }
    /// Called once when a run finishes, at the simulated time of its last delivery.
    public var onFinish: ((CollectiveRunner) -> Void)?

    /// Prepares a run of `schedule` where slot i is the device of rank `participants[i]`.
    public init(schedule: CollectiveSchedule, participants: [Int], network: FlowNetwork) throws {
        precondition(participants.count == schedule.participantCount, "one device rank per slot")
        self.schedule = schedule
        self.network = network
        let topology = network.routes.topology
        var routes: [Int32] = []
        var local: [Bool] = []
        for pair in schedule.pairs {
            let source = topology.devices[participants[Int(pair.source)]]
            let destination = topology.devices[participants[Int(pair.destination)]]
            routes.append(try network.routes.route(from: source, to: destination))
            local.append(source == destination)
        }
        pairRoutes = routes
        pairIsLocal = local
        observerID = network.addObserver(self)
    }

    /// Starts the collective at the simulator's current time.
    public func start() {
        startSeconds = network.simulator.nowSeconds
        completedCount = 0
        pending = schedule.dependencyCount
        ready.removeAll(keepingCapacity: true)
        for transfer in 0..<schedule.transferCount where pending[transfer] == 0 { ready.append(Int32(transfer)) }
        if schedule.transferCount == 0 {
            endSeconds = startSeconds
            onFinish?(self)
            return
        }
        launchReady()
    }

    /// Marks a transfer delivered and starts what it unblocks.
    public func flowDelivered(token: Int, network: FlowNetwork) {
        complete(Int32(token))
        launchReady()
    }

    private func launchReady() {
        while let transfer = ready.popLast() {
            let t = Int(transfer)
            let pair = Int(schedule.transferPair[t])
            if pairIsLocal[pair] {
                complete(transfer)
            } else {
                network.startFlow(route: pairRoutes[pair], bytes: schedule.transferBytes[t] * bytesScale, observer: observerID, token: t)
            }
        }
    }

    private func complete(_ transfer: Int32) {
        let t = Int(transfer)
        completedCount += 1
        let successors = schedule.successorStart[t]..<schedule.successorStart[t + 1]
        for index in successors {
            let next = Int(schedule.successors[Int(index)])
            pending[next] -= 1
            if pending[next] == 0 { ready.append(Int32(next)) }
        }
        if completedCount == schedule.transferCount {
            endSeconds = network.simulator.nowSeconds
            onFinish?(self)
        }
    }
}
