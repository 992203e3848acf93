import CPUExecution
import Workload
import Testing
@testable import RealRunner

/// The trainer splits exactly the passes that the cost model's `ThreadSplit` rule says it
/// splits, so that a CPU profile prices the others with its 1-thread parameters.
@Suite struct ThreadSplitTests {
    /// Small and large layers of every op kind the trainer builds, at 2 threads.
    @Test(arguments: [
        (Architecture.mlpGAN, 0, 128, 64), (.mlpGAN, 0, 64, 256), (.mlpGAN, 0, 512, 8),
        (.dcgan, 32, 16, 8), (.dcgan, 32, 4, 2), (.dcgan, 64, 8, 4),
        (.resnetGAN, 32, 16, 4), (.resnetGAN, 32, 4, 2),
    ])
    func recordedThreadsFollowTheRule(architecture: Architecture, resolution: Int, width: Int, batch: Int) throws {
        var o = TrainOptions(architecture: architecture)
        o.resolution = resolution == 0 ? nil : resolution
        o.width = width
        o.batch = batch
        o.latentDim = architecture == .mlpGAN ? 4 : nil
        o.threads = 2
        o.ema = true
        o.steps = 2
        o.warmupSteps = 0
        let t = try Trainer(o)
        t.trainStep()
        t.trainStep()
        var split = 0, serial = 0
        for r in t.opRecords() {
            let role: NetworkRole = r.network == "G" ? .generator : .discriminator
            let expected: Bool
            switch r.kind {
            case t.recipe.optimizer.rawValue:
                expected = ThreadSplit.splitsUpdate(t.recipe.optimizer, parameters: r.parameters)
            case "ema":
                expected = ThreadSplit.splitsEMA(parameters: r.parameters)
            default:
                let graph = t.model.graph(role)
                let op = graph.ops[r.opID]
                if r.pass == "forward" {
                    expected = op.splitsAcrossThreads(.forward, batch: r.batch)
                } else {
                    let requires = graph.gradientRequirements(weights: r.weightGradients, intoInputs: r.inputGradients)
                    let inputs = graph.computesInputGradients(op, requires: requires)
                    let weights = r.weightGradients && op.hasParameters
                    // A backward that adds a gradient into a forked input pays for the sum.
                    expected = (inputs && op.splitsAcrossThreads(.backwardInput, batch: r.batch))
                        || (weights && op.splitsAcrossThreads(.backwardWeight, batch: r.batch))
                        || graph.gradientAccumulationSplits(into: op, batch: r.batch, requires: requires)
                }
            }
            #expect(r.threads == (expected ? 2 : 1), "\(r.network) \(r.op) \(r.pass) batch \(r.batch)")
            if expected { split += 1 } else { serial += 1 }
        }
        // Every configuration has passes of both kinds, so both directions are checked.
        #expect(split > 0 && serial > 0)
    }
}
