import CPUExecution
import Workload
import Testing
@testable import RealRunner

/// Finite-difference checks of every layer type's backward pass.
@Suite struct GradientCheckTests {
    /// Input and parameter gradients agree with central differences to 0.1%.
    func expectGradients(_ graph: Graph, batch: Int = 3, h: Float = 1e-2, batchNormGroups: Int = 1) throws {
        Parallel.setThreads(2)
        let r = try TestSupport.gradCheck(graph, batch: batch, h: h, batchNormGroups: batchNormGroups)
        #expect(r.checkedInputs > 0)
        #expect(r.inputError < 1e-3, "input gradient error \(r.inputError)")
        #expect(r.parameterError < 1e-3, "parameter gradient error \(r.parameterError)")
    }

    @Test func linear() throws {
        try expectGradients(TestSupport.graph(.vector(6)) { b, x in _ = try b.linear(x, 4, name: "fc") })
    }

    @Test func linearSpectralNorm() throws {
        try expectGradients(TestSupport.graph(.vector(6)) { b, x in _ = try b.linear(x, 4, spectralNorm: true, name: "fc") })
    }

    @Test func conv2d() throws {
        try expectGradients(TestSupport.graph(.image(3, 6, 6)) { b, x in
            _ = try b.conv(x, 4, kernel: 3, stride: 2, padding: 1, name: "conv")
        })
    }

    @Test func conv2dSpectralNorm() throws {
        try expectGradients(TestSupport.graph(.image(2, 5, 5)) { b, x in
            _ = try b.conv(x, 3, kernel: 3, stride: 1, padding: 1, spectralNorm: true, name: "conv")
        })
    }

    @Test func convTranspose2d() throws {
        try expectGradients(TestSupport.graph(.image(3, 3, 3)) { b, x in
            _ = try b.convTranspose(x, 2, kernel: 4, stride: 2, padding: 1, name: "convT")
        })
    }

    @Test func convTranspose2dFromVector() throws {
        // DCGAN's first G layer: (nz, 1, 1) -> (C, 4, 4).
        try expectGradients(TestSupport.graph(.image(5, 1, 1)) { b, x in
            _ = try b.convTranspose(x, 3, kernel: 4, stride: 1, padding: 0, bias: false, name: "convT")
        })
    }

    @Test func batchNormImage() throws {
        try expectGradients(TestSupport.graph(.image(3, 4, 4)) { b, x in _ = try b.batchNorm(x, name: "bn") }, batch: 4)
    }

    @Test func batchNormInTwoGroups() throws {
        // D's real and fake halves, normalised separately.
        try expectGradients(TestSupport.graph(.image(2, 3, 3)) { b, x in _ = try b.batchNorm(x, name: "bn") }, batch: 6,
                            batchNormGroups: 2)
    }

    @Test func batchNormVector() throws {
        try expectGradients(TestSupport.graph(.vector(5)) { b, x in _ = try b.batchNorm(x, name: "bn") }, batch: 6)
    }

    @Test(arguments: [Activation.relu, .leakyReLU(slope: 0.2), .tanh, .sigmoid])
    func activation(f: Activation) throws {
        try expectGradients(TestSupport.graph(.vector(7)) { b, x in _ = try b.activation(x, f, name: "act") }, h: 1e-3)
    }

    @Test func upsample() throws {
        try expectGradients(TestSupport.graph(.image(2, 3, 3)) { b, x in _ = try b.add(.upsample(factor: 2), [x], name: "up") })
    }

    @Test func avgPool() throws {
        try expectGradients(TestSupport.graph(.image(2, 4, 4)) { b, x in _ = try b.add(.avgPool(kernel: 2), [x], name: "pool") })
    }

    @Test func residualAddWithSharedInput() throws {
        // y = conv(x) + x: x feeds two ops, so its gradient is a sum.
        try expectGradients(TestSupport.graph(.image(2, 4, 4)) { b, x in
            let h = try b.conv(x, 2, kernel: 3, padding: 1, name: "conv")
            _ = try b.sum(h, x, name: "add")
        })
    }

    @Test func minibatchStdDev() throws {
        try expectGradients(TestSupport.graph(.image(4, 3, 3)) { b, x in
            _ = try b.add(.minibatchStdDev(groupSize: 2, statChannels: 2), [x], name: "mbstd")
        }, batch: 4)
    }

    @Test func pixelNorm() throws {
        try expectGradients(TestSupport.graph(.image(3, 2, 2)) { b, x in _ = try b.add(.pixelNorm, [x], name: "pn") })
    }

    @Test func globalSumPoolAndReshape() throws {
        try expectGradients(TestSupport.graph(.image(3, 2, 2)) { b, x in
            let s = try b.add(.globalSumPool, [x], name: "sum")
            _ = try b.add(.reshape(.image(3, 1, 1)), [s], name: "reshape")
        })
    }

    @Test func concatAndSlice() throws {
        try expectGradients(TestSupport.graph(.vector(6)) { b, x in
            let a = try b.add(.slice(start: 1, count: 3), [x], name: "slice")
            let c = try b.linear(x, 2, name: "fc")
            _ = try b.add(.concat, [a, c], name: "cat")
        })
    }
}
