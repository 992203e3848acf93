import CostModel
import Workload
import Dispatch
import RealRunner

/// The `GradientSynchronizer` of a data-parallel run: bucketed all-reduce of G's and
/// D's gradients overlapped with backward, the loss average, and the per-iteration
/// timing of communication and waiting.
///
/// A failed or timed-out collective cannot be recovered from in the middle of a step
/// (the ranks' parameters would diverge), so it ends the whole job through
/// `MPIWorld.abort` with a message naming the operation.
public final class DataParallelSynchronizer: GradientSynchronizer {
    /// The job.
    public let world: MPIWorld
    /// How buckets are summed.
    public let algorithm: AllReduceAlgorithm
    /// The timing of every finished iteration.
    public private(set) var iterations: [RankIterationTiming] = []
    private let reducers: [NetworkRole: BucketReducer]
    private var current = RankIterationTiming()

    /// Plans G's and D's buckets (`bucketBytes` each, PyTorch DDP's 25 MB by default).
    public init(world: MPIWorld, algorithm: AllReduceAlgorithm, bucketBytes: Int, generator: Network,
                discriminator: Network) {
        self.world = world
        self.algorithm = algorithm
        reducers = [
            .generator: BucketReducer(network: generator, algorithm: algorithm, world: world, bucketBytes: bucketBytes),
            .discriminator: BucketReducer(network: discriminator, algorithm: algorithm, world: world,
                                          bucketBytes: bucketBytes),
        ]
    }

    /// The buckets of `network`, in backward order.
    public func buckets(of network: NetworkRole) -> [GradientBucket] { reducers[network]!.buckets }

    public func backwardWillStart(_ network: NetworkRole, parameters: ParameterBuffer, finishesGradients: Bool) {
        if finishesGradients { reducers[network]!.arm(parameters) }
    }

    public func gradientsReady(_ network: NetworkRole, opID: Int) {
        let reducer = reducers[network]!
        guard reducer.isArmed else { return }
        timed(\.communicationSeconds) { () throws(MPIError) in try reducer.gradientsReady(opID: opID) }
    }

    public func synchronize(_ network: NetworkRole, parameters: ParameterBuffer) {
        let reducer = reducers[network]!
        let name = network == .generator ? "G" : "D"
        timed(\.waitSeconds) { () throws(MPIError) in
            try reducer.finish(parameters, operation: "the all-reduce of \(name)'s gradients in iteration \(iterations.count + 1)")
        }
        current.exposedReductionSeconds.append(reducer.exposedReductionSeconds(finishedAt: DispatchTime.now().uptimeNanoseconds))
        current.buckets += reducer.buckets.count
        current.bytes += parameters.count * MemoryLayout<Float>.size
    }

    public func averageLosses(_ discriminator: Double, _ generator: Double) -> (Double, Double) {
        var sums = [discriminator, generator]
        timed(\.waitSeconds) { () throws(MPIError) in sums = try world.allReduceSum(sums) }
        iterations.append(current)
        current = RankIterationTiming()
        return (sums[0] / Double(world.size), sums[1] / Double(world.size))
    }

    /// Runs `body`, adding its wall seconds to `field` of the current iteration; aborts the job on error.
    private func timed(_ field: WritableKeyPath<RankIterationTiming, Double>, _ body: () throws(MPIError) -> Void) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            try body()
        } catch {
            world.abort(error.description)
        }
        current[keyPath: field] += Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
    }
}
