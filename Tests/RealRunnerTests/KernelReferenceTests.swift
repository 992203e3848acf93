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

    /// The geometry and output channels of a `convCases` case.
    static func geometry(_ c: (Int, Int, Int, Int, Int, Int, Int, Int)) -> (ConvGeometry, outChannels: Int) {
        (ConvGeometry(batch: c.0, channels: c.1, height: c.2, width: c.3, kernel: c.5, stride: c.6, padding: c.7), c.4)
    }

    /// The trainer's oneDNN convolution of geometry `g` with `oc` output channels.
    static func convolution(_ g: ConvGeometry, outChannels oc: Int) -> DirectConvolution {
        DirectConvolution(shape: .init(transposed: false, inChannels: g.channels, inHeight: g.height, inWidth: g.width,
                                       outChannels: oc, outHeight: g.outHeight, outWidth: g.outWidth, kernel: g.kernel,
                                       stride: g.stride, padding: g.padding))
    }

    @Test(arguments: convCases)
    func conv2dMatchesDirectLoops(c: (Int, Int, Int, Int, Int, Int, Int, Int)) {
        Parallel.setThreads(2)
        let (g, oc) = Self.geometry(c)
        let x = TestSupport.randn([g.batch, g.channels, g.height, g.width], seed: 11)
        let w = TestSupport.randn([oc * g.channels * g.kernel * g.kernel], seed: 12)
        let bias = TestSupport.randn([oc], seed: 13)
        let y1 = Tensor(shape: [g.batch * oc * g.outHeight * g.outWidth]), y2 = Tensor(shape: y1.shape)
        Self.convolution(g, outChannels: oc).forward(x: x.data, w: w.data, y: y1.data, batch: g.batch, workspace: Workspace())
        Conv2DKernel.addBias(y1.data, bias.data, batch: g.batch, channels: oc, spatial: g.outHeight * g.outWidth)
        Conv2DKernel.naiveForward(x: x.data, w: w.data, bias: bias.data, y: y2.data, outChannels: oc, geometry: g)
        #expect(TestSupport.relativeError(y1.array, y2.array) < 1e-5)
    }

    /// A convolution's input gradient is the transposed convolution of the output gradient with the same weights.
    @Test(arguments: convCases)
    func conv2dInputGradientIsTheTransposedConvolution(c: (Int, Int, Int, Int, Int, Int, Int, Int)) {
        Parallel.setThreads(2)
        let (g, oc) = Self.geometry(c)
        let x = TestSupport.randn([g.batch, g.channels, g.height, g.width], seed: 14)
        let w = TestSupport.randn([oc * g.channels * g.kernel * g.kernel], seed: 15)
        let dy = TestSupport.randn([g.batch, oc, g.outHeight, g.outWidth], seed: 16)
        let dx1 = Tensor(shape: x.shape), dx2 = Tensor(shape: x.shape)
        Self.convolution(g, outChannels: oc).backward(dy: dy.data, x: x.data, w: w.data, dx: dx1.data, dw: nil,
                                                     batch: g.batch, workspace: Workspace())
        ConvTranspose2DKernel.naiveForward(x: dy.data, w: w.data, bias: nil, y: dx2.data, inChannels: oc, geometry: g)
        #expect(TestSupport.relativeError(dx1.array, dx2.array) < 1e-5)
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
        let convT = DirectConvolution(shape: .init(transposed: true, inChannels: cin, inHeight: h, inWidth: w,
                                                   outChannels: cout, outHeight: oh, outWidth: ow, kernel: k,
                                                   stride: s, padding: p))
        convT.forward(x: x.data, w: wt.data, y: y1.data, batch: b, workspace: Workspace())
        Conv2DKernel.addBias(y1.data, bias.data, batch: b, channels: cout, spatial: oh * ow)
        ConvTranspose2DKernel.naiveForward(x: x.data, w: wt.data, bias: bias.data, y: y2.data, inChannels: cin, geometry: g)
        #expect(TestSupport.relativeError(y1.array, y2.array) < 1e-5)
    }

    /// A batch run in several oneDNN calls (`ConvolutionLayout.chunkSamples`) gives what one call per sample gives,
    /// and the weight gradient sums over the chunks into what `dw` held.
    @Test func chunkedBatchMatchesSampleBySample() throws {
        Parallel.setThreads(1)
        // 16 channels of 256 x 256: 4 MiB blocked per sample, so 2 samples per call and a batch of 3 takes two.
        let g = ConvGeometry(batch: 3, channels: 16, height: 256, width: 256, kernel: 3, stride: 2, padding: 1)
        let conv = Self.convolution(g, outChannels: 2)
        try #require(conv.chunkSamples(batch: 3) == 2)
        let x = TestSupport.randn([3, 16, 256, 256], seed: 71), w = TestSupport.randn([2 * 16 * 9], seed: 72)
        let dy = TestSupport.randn([3, 2, g.outHeight, g.outWidth], seed: 73)
        let y = Tensor(shape: dy.shape), dx = Tensor(shape: x.shape), dw = TestSupport.randn([2 * 16 * 9], seed: 74)
        let dwBefore = dw.array
        let workspace = Workspace()
        conv.forward(x: x.data, w: w.data, y: y.data, batch: 3, workspace: workspace)
        conv.backward(dy: dy.data, x: x.data, w: w.data, dx: dx.data, dw: dw.data, batch: 3, workspace: workspace)
        let inSample = 16 * 256 * 256, outSample = 2 * g.outHeight * g.outWidth
        let ys = Tensor(shape: [outSample]), dxs = Tensor(shape: [inSample]), dws = Tensor(shape: [2 * 16 * 9])
        var dwSum = dwBefore
        for b in 0..<3 {
            conv.forward(x: x.data + b * inSample, w: w.data, y: ys.data, batch: 1, workspace: workspace)
            #expect(TestSupport.relativeError(Array(y.array[b * outSample..<(b + 1) * outSample]), ys.array) < 1e-6)
            dws.data.update(repeating: 0, count: dws.count)
            conv.backward(dy: dy.data + b * outSample, x: x.data + b * inSample, w: w.data, dx: dxs.data, dw: dws.data,
                          batch: 1, workspace: workspace)
            #expect(TestSupport.relativeError(Array(dx.array[b * inSample..<(b + 1) * inSample]), dxs.array) < 1e-6)
            dwSum = zip(dwSum, dws.array).map { $0 + $1 }
        }
        #expect(TestSupport.relativeError(dw.array, dwSum) < 1e-5)
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

    @Test func oneAndTwoThreadConvolutionsAgree() {
        let g = ConvGeometry(batch: 4, channels: 8, height: 16, width: 16, kernel: 4, stride: 2, padding: 1)
        let conv = Self.convolution(g, outChannels: 32)
        let x = TestSupport.randn([4, 8, 16, 16], seed: 61), w = TestSupport.randn([32 * 8 * 16], seed: 62)
        let dy = TestSupport.randn([4, 32, 8, 8], seed: 63)
        func run(_ threads: Int) -> (y: [Float], dx: [Float], dw: [Float]) {
            Parallel.setThreads(threads)
            let y = Tensor(shape: dy.shape), dx = Tensor(shape: x.shape), dw = Tensor(shape: [32 * 8 * 16])
            dw.data.update(repeating: 0, count: dw.count)
            conv.forward(x: x.data, w: w.data, y: y.data, batch: 4, workspace: Workspace())
            conv.backward(dy: dy.data, x: x.data, w: w.data, dx: dx.data, dw: dw.data, batch: 4, workspace: Workspace())
            return (y.array, dx.array, dw.array)
        }
        let one = run(1), two = run(2)
        #expect(TestSupport.relativeError(one.y, two.y) < 1e-6)
        #expect(TestSupport.relativeError(one.dx, two.dx) < 1e-6)
        #expect(TestSupport.relativeError(one.dw, two.dw) < 1e-5)
    }
}
