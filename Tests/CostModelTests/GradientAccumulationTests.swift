import CostModel
import CPUExecution
import Workload
import Testing

/// The sums of gradients into values read by several ops, and the add's pass-through.
@Suite struct GradientAccumulationTests {
    /// x -> conv -> relu -> add(relu, conv): conv's output is read by relu and add.
    func residual() throws -> Graph {
        var b = GraphBuilder(name: "T")
        let x = b.input("x", .image(4, 8, 8))
        let c = try b.add(.conv2d(ConvConfig(inChannels: 4, outChannels: 4, kernel: 3, padding: 1)), [x], name: "conv")
        let r = try b.add(.activation(.relu), [c], name: "relu")
        _ = try b.sum(r, c, name: "add")
        return b.build()
    }

    @Test func theEarlierReaderOfAForkedValueSumsItsGradientIn() throws {
        let g = try residual()
        #expect(g.consumerIDs == [[1], [2, 3], [3], []])
        let requires = g.gradientRequirements(weights: true, intoInputs: false)
        #expect(requires == [false, true, true, true])
        // The add (the last reader) delivers first, by reference; relu adds into it:
        // read both gradients, write the sum, one FLOP per element.
        let e = 2 * 4 * 8 * 8
        let relu = g.gradientAccumulation(into: g.ops[2], batch: 2, requires: requires)
        #expect(relu == PassCost(flops: e, bytesRead: 2 * 4 * e, bytesWritten: 4 * e))
        #expect(g.gradientAccumulation(into: g.ops[3], batch: 2, requires: requires).isEmpty)
        #expect(g.gradientAccumulation(into: g.ops[1], batch: 2, requires: requires).isEmpty)
        // 512 additions are below the trainer's split threshold; 64x as many are above it.
        #expect(!g.gradientAccumulationSplits(into: g.ops[2], batch: 2, requires: requires))
        #expect(g.gradientAccumulationSplits(into: g.ops[2], batch: 128, requires: requires))
    }

    @Test func aForkedInputReceivesGradientsOnlyWhenThePassDifferentiatesIntoIt() throws {
        var b = GraphBuilder(name: "T")
        let x = b.input("x", .image(4, 8, 8))
        let c = try b.add(.conv2d(ConvConfig(inChannels: 4, outChannels: 4, kernel: 3, padding: 1)), [x], name: "conv")
        _ = try b.sum(c, x, name: "add")
        let g = b.build()
        let weightsOnly = g.gradientRequirements(weights: true, intoInputs: false)
        #expect(g.gradientAccumulation(into: g.ops[1], batch: 1, requires: weightsOnly).isEmpty)
        let intoInputs = g.gradientRequirements(weights: false, intoInputs: true)
        #expect(g.gradientAccumulation(into: g.ops[1], batch: 1, requires: intoInputs).bytesWritten == 4 * 4 * 64)
    }

    @Test func aLayerFedTheInputThroughAReshapeComputesNoInputGradientForWeights() throws {
        // DCGAN's G: z (100) -> reshape (100x1x1) -> transposed convolution.
        var b = GraphBuilder(name: "T")
        let z = b.input("z", .vector(100))
        let r = try b.add(.reshape(.image(100, 1, 1)), [z], name: "reshape")
        _ = try b.add(.convTranspose2d(ConvConfig(inChannels: 100, outChannels: 8, kernel: 4)), [r], name: "convT")
        let g = b.build()
        let weightsOnly = g.gradientRequirements(weights: true, intoInputs: false)
        #expect(!g.computesInputGradients(g.ops[2], requires: weightsOnly))
        #expect(!g.computesInputGradients(g.ops[1], requires: weightsOnly))
        let intoInputs = g.gradientRequirements(weights: false, intoInputs: true)
        #expect(g.computesInputGradients(g.ops[2], requires: intoInputs))
        #expect(g.computesInputGradients(g.ops[1], requires: intoInputs))
        // D's phase: G's backward computes nothing at all.
        let none = g.gradientRequirements(weights: false, intoInputs: false)
        #expect(!g.computesInputGradients(g.ops[2], requires: none))
    }

    @Test func anAddHandsItsGradientThroughWithoutWork() throws {
        let g = try residual()
        let add = g.ops[3].cost(batch: 2, precision: .fp32)
        #expect(add.backwardInput.isEmpty)
        #expect(add.forward.bytesRead == 2 * 4 * 2 * 4 * 64)
    }
}
