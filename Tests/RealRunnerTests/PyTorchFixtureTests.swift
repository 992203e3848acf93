import CPUExecution
import TestSupport
import Workload
import Foundation
import Testing
@testable import RealRunner

/// Forward outputs, gradients and the first DCGAN losses against PyTorch
/// (fixtures from scripts/make_realrunner_fixtures.py).
@Suite struct PyTorchFixtureTests {
    struct LayerCase: Decodable {
        var name: String
        var salt: Double
        var paramScale: Double
        var inputShape: [Int]
        var outputShape: [Int]
        var output: [Float]
        var inputGrad: [Float]
        var paramGrads: [[Float]]
    }

    struct LayerFile: Decodable { var cases: [LayerCase] }

    struct DCGANFile: Decodable {
        struct Losses: Decodable { var discriminator: Double; var generator: Double }
        var resolution: Int, width: Int, latent: Int, batch: Int, iterations: Int
        var losses: [Losses]
        var generatorParameterSum: Double
        var discriminatorParameterSum: Double
    }

    static func load<T: Decodable>(_ name: String, as: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The one-op graph each fixture case describes.
    static func graph(_ c: LayerCase) throws -> Graph {
        let dims = Array(c.inputShape.dropFirst())
        return try TestSupport.graph(TensorShape(dims)) { b, x in
            switch c.name {
            case "conv2d": _ = try b.conv(x, 4, kernel: 3, stride: 2, padding: 1, name: "op")
            case "convTranspose2d": _ = try b.convTranspose(x, 2, kernel: 4, stride: 2, padding: 1, name: "op")
            case "convTranspose2dFromVector":
                _ = try b.convTranspose(x, 3, kernel: 4, stride: 1, padding: 0, bias: false, name: "op")
            case "batchNorm2d": _ = try b.batchNorm(x, name: "op")
            case "linear": _ = try b.linear(x, 4, name: "op")
            case "linearSpectralNorm": _ = try b.linear(x, 4, spectralNorm: true, name: "op")
            case "conv2dSpectralNorm": _ = try b.conv(x, 3, kernel: 3, padding: 1, spectralNorm: true, name: "op")
            case "minibatchStdDev": _ = try b.add(.minibatchStdDev(groupSize: 2, statChannels: 2), [x], name: "op")
            default: Issue.record("unknown fixture case \(c.name)")
            }
        }
    }

    @Test func layersMatchPyTorch() throws {
        Parallel.setThreads(2)
        let file = try Self.load("layers", as: LayerFile.self)
        #expect(file.cases.count == 8)
        for c in file.cases {
            let net = try Network(graph: Self.graph(c), scheme: .pytorchDefault, rng: SeededRandom(seed: 1))
            for (k, view) in net.parameters.views.enumerated() {
                let v = TestSupport.wave(view.count, salt: c.salt + 10 + Double(k), scale: c.paramScale)
                (net.parameters.values.data + view.offset).update(from: v, count: view.count)
            }
            if let sn = net.spectralNormState(opID: 1) {
                let u = TestSupport.wave(sn.rows, salt: c.salt + 20)
                let norm = u.map { $0 * $0 }.reduce(0, +).squareRoot()
                for i in 0..<sn.rows { sn.u[i] = u[i] / norm }
            }
            let x = Tensor(shape: c.inputShape, values: TestSupport.wave(c.inputShape.reduce(1, *), salt: c.salt))
            let y = net.forward(x)
            #expect(y.shape == c.outputShape, "\(c.name) shape")
            #expect(TestSupport.relativeError(y.array, c.output) < 1e-5, "\(c.name) forward")
            let r = Tensor(shape: y.shape, values: TestSupport.wave(y.count, salt: c.salt + 5))
            let dx = try #require(net.backward(r, inputGradient: true, weightGradients: true))
            #expect(TestSupport.relativeError(dx.array, c.inputGrad) < 1e-5, "\(c.name) input gradient")
            for (k, view) in net.parameters.views.enumerated() {
                let g = Array(UnsafeBufferPointer(start: net.parameters.gradients.data + view.offset, count: view.count))
                #expect(TestSupport.relativeError(g, c.paramGrads[k]) < 1e-5, "\(c.name) gradient of \(view.name)")
            }
        }
    }

    /// Real images from the same formula as the script (`wave(n, 1000 + iteration)`).
    final class WaveImages: Dataset {
        let name = "wave"
        let sampleShape: [Int]
        var calls = 0
        init(_ shape: [Int]) { sampleShape = shape }
        func fill(_ batch: Tensor, rng: SeededRandom) {
            let v = TestSupport.wave(batch.count, salt: 1000 + Double(calls))
            batch.data.update(from: v, count: batch.count)
            calls += 1
        }
    }

    @Test func dcganFirstIterationsMatchPyTorch() throws {
        let f = try Self.load("dcgan_steps", as: DCGANFile.self)
        var o = TrainOptions(architecture: .dcgan)
        o.resolution = f.resolution
        o.width = f.width
        o.latentDim = f.latent
        o.batch = f.batch
        o.steps = f.iterations
        o.threads = 2
        let t = try Trainer(o)
        t.dataset = WaveImages([3, f.resolution, f.resolution])
        var latents = 0
        t.latentSource = { z in
            let v = TestSupport.wave(z.count, salt: 2000 + Double(latents), scale: 1.5)
            z.data.update(from: v, count: z.count)
            latents += 1
        }
        for (net, salt) in [(t.generator, 100.0), (t.discriminator, 200.0)] {
            for (k, view) in net.parameters.views.enumerated() {
                let w = TestSupport.wave(view.count, salt: salt + Double(k), scale: 0.02)
                let p = net.parameters.values.data + view.offset
                let isBN = view.shape.count == 1
                for i in 0..<view.count {
                    p[i] = isBN ? (view.name.hasSuffix(".weight") ? 1 + w[i] : 0) : w[i]
                }
            }
        }
        for i in 0..<f.iterations {
            let (d, g) = t.trainStep()
            #expect(isClose(d, f.losses[i].discriminator, absolute: 1e-4), "iteration \(i + 1) D loss \(d)")
            #expect(isClose(g, f.losses[i].generator, absolute: 1e-4), "iteration \(i + 1) G loss \(g)")
        }
        func sum(_ n: Network) -> Double { (0..<n.parameters.count).reduce(0.0) { $0 + Double(n.parameters.values[$1]) } }
        #expect(isClose(sum(t.generator), f.generatorParameterSum, absolute: 1e-3))
        #expect(isClose(sum(t.discriminator), f.discriminatorParameterSum, absolute: 1e-3))
    }
}
