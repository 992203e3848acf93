import Dispatch
import RealRunner

/// All-reduces one network's gradient buckets while its backward pass runs: each bucket
/// starts as soon as its last op has written it and the previous bucket is done (one
/// bucket at a time, in backward order, as the simulator's communication stream does),
/// and is scaled to the mean over ranks when it completes.
final class BucketReducer {
    /// The buckets, in the order backward completes them.
    let buckets: [GradientBucket]
    private let bucketOfTrigger: [Int: Int]
    private let algorithm: AllReduceAlgorithm
    private let world: MPIWorld
    private let scratch: UnsafeMutablePointer<Float>
    private var gradients: UnsafeMutablePointer<Float>?
    private var ready: [Bool]
    private var nextToStart = 0
    private var completed = 0
    private var inFlight: (any PendingReduction)?
    /// When the step's last bucket became ready (uptime nanoseconds; 0 before it has).
    private var readyNanoseconds: UInt64 = 0
    /// Nanoseconds the step's hooks spent advancing its reductions before its last bucket was ready.
    private var advancingNanoseconds: UInt64 = 0

    /// Plans the buckets of `network` (at least `bucketBytes` each, but the last).
    init(network: Network, algorithm: AllReduceAlgorithm, world: MPIWorld, bucketBytes: Int) {
        buckets = GradientBucket.plan(views: network.parameters.views, bucketBytes: bucketBytes)
        var triggers: [Int: Int] = [:]
        for (i, b) in buckets.enumerated() { triggers[b.triggerOpID] = i }
        bucketOfTrigger = triggers
        self.algorithm = algorithm
        self.world = world
        let largest = buckets.map(\.elements.count).max() ?? 0
        let count = max(1, RingAllReduce.scratchCount(count: largest, ranks: world.size))
        scratch = UnsafeMutablePointer<Float>.allocate(capacity: count)
        scratch.initialize(repeating: 0, count: count)
        ready = Array(repeating: false, count: buckets.count)
    }

    deinit { scratch.deallocate() }

    /// Whether a step's reductions are under way (between `arm` and `finish`).
    var isArmed: Bool { gradients != nil }

    /// Readies the buckets for the step whose final backward is about to write `parameters`' gradients.
    func arm(_ parameters: ParameterBuffer) {
        precondition(inFlight == nil, "a gradient reduction is still running")
        gradients = parameters.gradients.data
        ready = Array(repeating: false, count: buckets.count)
        nextToStart = 0
        completed = 0
        readyNanoseconds = 0
        advancingNanoseconds = 0
    }

    /// Seconds this rank spent on the step's reductions that its compute did not hide, for a step whose gradients held
    /// the mean at `end` (uptime nanoseconds): its hooks advancing them during backward (the rank's own thread does
    /// that work between its ops), and everything from its last bucket being ready (the end of its backward) to `end`.
    func exposedReductionSeconds(finishedAt end: UInt64) -> Double {
        Double(advancingNanoseconds + end - min(readyNanoseconds, end)) * 1e-9
    }

    /// Op `opID` has written its gradients: starts its bucket if it completes one.
    func gradientsReady(opID: Int) throws(MPIError) {
        guard isArmed, let b = bucketOfTrigger[opID] else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        let last = b == buckets.count - 1
        if last { readyNanoseconds = start }
        ready[b] = true
        try progress()
        if !last { advancingNanoseconds += DispatchTime.now().uptimeNanoseconds - start }
    }

    /// Advances the running reduction and starts the next ready bucket after it.
    func progress() throws(MPIError) {
        guard let gradients else { return }
        while true {
            if let running = inFlight {
                guard try running.poll() else { return }
                inFlight = nil
                let done = buckets[completed].elements
                let scale = 1 / Float(world.size)
                for i in done { gradients[i] *= scale }
                completed += 1
            }
            guard nextToStart < buckets.count, ready[nextToStart] else { return }
            let r = buckets[nextToStart].elements
            inFlight = try algorithm.start(gradients + r.lowerBound, count: r.count, world: world, scratch: scratch)
            nextToStart += 1
        }
    }

    /// Reduces whatever is left (every bucket, if the step's backward never armed the
    /// reducer) and waits until `parameters`' gradients hold the mean over ranks.
    ///
    /// - Throws: `MPIError.timeout` after `world.timeoutSeconds` without completion.
    func finish(_ parameters: ParameterBuffer, operation: @autoclosure () -> String) throws(MPIError) {
        if !isArmed { arm(parameters) }
        if readyNanoseconds == 0 { readyNanoseconds = DispatchTime.now().uptimeNanoseconds }
        for i in ready.indices { ready[i] = true }
        try PollLoop.run(timeoutSeconds: world.timeoutSeconds, sleeps: world.sleepsWhileWaiting, operation: operation()) { () throws(MPIError) in
            try progress()
            return completed == buckets.count
        }
        gradients = nil
    }
}
