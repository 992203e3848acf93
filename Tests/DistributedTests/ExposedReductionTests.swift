import Testing
@testable import Distributed

/// What a data-parallel run reports as the reductions' cost to a step: at each synchronisation the exposed reduction of
/// the rank whose backward ended last (the least), summed over the iteration, the median over the iterations.
@Suite struct ExposedReductionTests {
    @Test func eachSynchronisationTakesTheLeastAndTheIterationsTheirMedian() {
        // exposed[rank][iteration][synchronisation]: per iteration 1 + 1 = 2, 1 + 2 = 3, 1 + 1 = 2.
        let exposed: [[[Double]]] = [[[1, 5], [2, 2], [9, 1]],
                                     [[4, 1], [1, 3], [1, 8]]]
        #expect(DistributedTrainer.exposedReduction(exposed) == 2)
    }

    @Test func withoutATimedIterationThereIsNone() {
        #expect(DistributedTrainer.exposedReduction([]) == nil)
        #expect(DistributedTrainer.exposedReduction([[], [[1, 2]]]) == nil)
    }
}
