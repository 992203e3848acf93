/// Executes a `CollectiveSchedule` on a `Interconnect`: starts each transfer when its dependencies are delivered.
///
/// A runner can be started again after it finishes (the training schedule reuses one per
/// gradient bucket). Local joins complete instantly; everything else becomes a interconnect flow.
public final class CollectiveRunner: FlowObserver {
    /// The interconnect that carries the transfers.
    public let interconnect: Interconnect
    private var observerID: Int32 = -1
    private var progress: RunnerProgress

    /// Simulated time the last start happened, in seconds.
    public private(set) var startSeconds = 0.0
    /// Simulated time the last transfer was delivered, in seconds (valid once `isFinished`).
    public private(set) var endSeconds = 0.0
    /// Called once when a run finishes, at the simulated time of its last delivery.
    public var onFinish: ((CollectiveRunner) -> Void)?

    /// Prepares a run of `schedule` where slot i is the device of rank `participants[i]`.
    public init(schedule: CollectiveSchedule, participants: [Int], interconnect: Interconnect) throws {
        precondition(participants.count == schedule.participantCount, "one device rank per slot")
        self.interconnect = interconnect
        let topology = interconnect.topology
        var routes: [Int32] = []
        var local: [Bool] = []
        for pair in schedule.pairs {
            let source = topology.devices[participants[Int(pair.source)]]
            let destination = topology.devices[participants[Int(pair.destination)]]
            routes.append(try interconnect.route(from: source, to: destination))
            local.append(source == destination)
        }
        progress = RunnerProgress(schedule: schedule, pairRoutes: routes, pairIsLocal: local)
        observerID = interconnect.addObserver(self)
    }

    /// The transfers this runner executes.
    public var schedule: CollectiveSchedule { progress.schedule }
    /// Transfers completed in the current run.
    public var completedCount: Int { progress.completedCount }
    /// Whether the current run has completed every transfer.
    public var isFinished: Bool { progress.isFinished }
    /// Multiplies every transfer size (so one schedule serves buckets of other sizes).
    public var bytesScale: Double {
        get { progress.bytesScale }
        set { progress.bytesScale = newValue }
    }

    /// Starts the collective at the simulator's current time.
    public func start() {
        startSeconds = interconnect.simulator.nowSeconds
        progress.reset()
        launchReady()
    }

    /// Marks a transfer delivered and starts what it unblocks.
    public func flowDelivered(token: Int, interconnect: Interconnect) {
        progress.complete(Int32(token))
        launchReady()
    }

    private func launchReady() {
        while let flow = progress.nextFlow() {
            interconnect.startFlow(route: flow.route, bytes: flow.bytes, observer: observerID, token: flow.token)
        }
        if progress.isFinished {
            endSeconds = interconnect.simulator.nowSeconds
            onFinish?(self)
        }
    }
}
