import CPUExecution
import TestSupport
import Workload
import Testing
@testable import RealRunner

/// Each fast kernel against its naive reference.
@Suite struct KernelReferenceTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func sgemmMatchesNaive(transA: Bool, transB: Bool) {
        let (m, n, k) = (7, 5, 9)
        let a = TestSupport.randn([m * k], seed: 1), b = TestSupport.randn([k * n], seed: 2)
        let c1 = TestSupport.randn([m * n], seed: 3), c2 = c1.clone()
        Gemm.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a.data, b.data, beta: 2, c1.data)
        Gemm.naive(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a.data, b.data, beta: 2, c2.data)
        #expect(TestSupport.relativeError(c1.array, c2.array) < 1e-5)
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func threadSplitSgemmMatchesNaive(transA: Bool, transB: Bool) {
        // Large enough to be split across threads, by rows (m > n) and by columns (n > m).
        Parallel.setThreads(2)
        for (m, n, k) in [(130, 90, 100), (90, 130, 100)] {
            let a = TestSupport.randn([m * k], seed: 4), b = TestSupport.randn([k * n], seed: 5)
            let c1 = TestSupport.randn([m * n], seed: 6), c2 = c1.clone()
            Gemm.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a.data, b.data, beta: 2, c1.data)
            Gemm.naive(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a.data, b.data, beta: 2, c2.data)
            #expect(TestSupport.relativeError(c1.array, c2.array) < 1e-5, "\(m)x\(n)x\(k)")
        }
    }

    /// (batch, C, H, W, OC, k, stride, padding)
    static let convCases: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (2, 3, 8, 8, 4, 4, 2, 1), (3, 2, 7, 7, 5, 3, 1, 1), (2, 4, 5, 5, 3, 1, 1, 0),
        (1, 3, 9, 9, 2, 3, 2, 0), (2, 2, 4, 4, 3, 4, 1, 0), (2, 3, 6, 6, 2, 5, 3, 2),
        // Stride 2 with rows of 8 and more outputs (im2col's and col2im's vector paths) and odd tails.
        (2, 3, 38, 38, 4, 4, 2, 1), (2, 2, 35, 35, 3, 3, 2, 0),
    ]

    @Test(arguments: convCases)
    func conv2dMatchesDirectLoops(c: (Int, Int, Int, Int, Int, Int, Int, Int)) {
        Parallel.setThreads(2)
        let g = ConvGeometry(batch: c.0, channels: c.1, height: c.2, width: c.3, kernel: c.5, stride: c.6, padding: c.7)
        let oc = c.4
        let x = TestSupport.randn([g.batch, g.channels, g.height, g.width], seed: 11)
        let w = TestSupport.randn([oc * g.colRows], seed: 12)
        let bias = TestSupport.randn([oc], seed: 13)
        let y1 = Tensor(shape: [g.batch * oc * g.outHeight * g.outWidth]), y2 = Tensor(shape: y1.shape)
        let col = Tensor(shape: [g.colRows * g.colColumns]), work = Tensor(shape: [oc * g.colColumns])
        Conv2DKernel.forward(x: x.data, w: w.data, bias: bias.data, y: y1.data, outChannels: oc, geometry: g,
                             col: col.data, work: work.data)
        Conv2DKernel.naiveForward(x: x.data, w: w.data, bias: bias.data, y: y2.data, outChannels: oc, geometry: g)
        #expect(TestSupport.relativeError(y1.array, y2.array) < 1e-5)
    }

    @Test(arguments: convCases)
    func convTranspose2dMatchesScatterLoops(c: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        Parallel.setThreads(2)
        // Input (B, Cin=c.1, H, W); output size from the transposed-conv formula.
        let (b, cin, h, w, cout, k, s, p) = c
        let oh = (h - 1) * s - 2 * p + k, ow = (w - 1) * s - 2 * p + k
        try #require(oh > 0 && ow > 0)
        let g = ConvGeometry(batch: b, channels: cout, height: oh, width: ow, kernel: k, stride: s, padding: p)
        try #require(g.outHeight == h && g.outWidth == w)
        let x = TestSupport.randn([b, cin, h, w], seed: 21)
        let wt = TestSupport.randn([cin * cout * k * k], seed: 22)
        let bias = TestSupport.randn([cout], seed: 23)
        let y1 = Tensor(shape: [b * cout * oh * ow]), y2 = Tensor(shape: y1.shape)
        let xt = Tensor(shape: [cin * g.colColumns]), col = Tensor(shape: [g.colRows * g.colColumns])
        ConvTranspose2DKernel.forward(x: x.data, w: wt.data, bias: bias.data, y: y1.data, inChannels: cin,
                                      geometry: g, xt: xt.data, col: col.data)
        ConvTranspose2DKernel.naiveForward(x: x.data, w: wt.data, bias: bias.data, y: y2.data, inChannels: cin, geometry: g)
        #expect(TestSupport.relativeError(y1.array, y2.array) < 1e-5)
    }

    @Test func linearMatchesNaive() {
        let (b, i, o) = (5, 7, 3)
        let x = TestSupport.randn([b, i], seed: 31), w = TestSupport.randn([o, i], seed: 32)
        let bias = TestSupport.randn([o], seed: 33)
        let y1 = Tensor(shape: [b, o]), y2 = Tensor(shape: [b, o])
        LinearKernel.forward(x: x.data, w: w.data, bias: bias.data, y: y1.data, batch: b, inFeatures: i, outFeatures: o)
        LinearKernel.naiveForward(x: x.data, w: w.data, bias: bias.data, y: y2.data, batch: b, inFeatures: i, outFeatures: o)
        #expect(TestSupport.relativeError(y1.array, y2.array) < 1e-6)
    }

    @Test func batchNormMatchesTextbook() {
        Parallel.setThreads(2)
        let (b, c, l) = (4, 3, 10)
        let x = TestSupport.randn([b, c, l], seed: 41, std: 3)
        let gamma = TestSupport.randn([c], seed: 42), beta = TestSupport.randn([c], seed: 43)
        let y = Tensor(shape: x.shape), mean = Tensor(shape: [c]), inv = Tensor(shape: [c])
        BatchNormKernel.forward(x: x.data, gamma: gamma.data, beta: beta.data, y: y.data, mean: mean.data,
                                invStd: inv.data, batch: b, channels: c, spatial: l)
        let ref = BatchNormKernel.naiveForward(x: x.array, gamma: gamma.array, beta: beta.array, batch: b, channels: c, spatial: l)
        #expect(TestSupport.relativeError(y.array, ref) < 1e-5)
    }

    @Test(arguments: [Activation.relu, .leakyReLU(slope: 0.2), .tanh, .sigmoid])
    func activationsMatchScalarDefinitions(f: Activation) {
        let x = TestSupport.randn([50], seed: 51, std: 2)
        let y = Tensor(shape: [50])
        ActivationKernel.forward(f, x: x.data, y: y.data, count: 50)
        for i in 0..<50 { #expect(isClose(Double(y[i]), ActivationKernel.naive(f, Double(x[i])), absolute: 1e-5)) }
    }

    @Test func parallelAndSerialConvAgree() {
        let g = ConvGeometry(batch: 4, channels: 8, height: 16, width: 16, kernel: 4, stride: 2, padding: 1)
        let x = TestSupport.randn([4, 8, 16, 16], seed: 61)
        let col1 = Tensor(shape: [g.colRows * g.colColumns]), col2 = Tensor(shape: col1.shape)
        Parallel.setThreads(1)
        Im2Col.im2col(x.data, col1.data, g)
        Parallel.setThreads(2)
        Im2Col.im2col(x.data, col2.data, g)
        #expect(col1.array == col2.array)
        let back1 = Tensor(shape: x.shape), back2 = Tensor(shape: x.shape)
        Parallel.setThreads(1)
        Im2Col.col2im(col1.data, back1.data, g)
        Parallel.setThreads(2)
        Im2Col.col2im(col1.data, back2.data, g)
        #expect(back1.array == back2.array)
    }
}
