import CPUExecution
import Workload
import Foundation
@testable import RealRunner

/// Helpers shared by the RealRunner tests.
enum TestSupport {
    /// `scale * sin(0.37 i + 1.7 salt) * cos(0.13 i + 0.5 salt)`: the deterministic values
    /// shared with scripts/make_realrunner_fixtures.py (`wave`).
    static func wave(_ n: Int, salt: Double, scale: Double = 1) -> [Float] {
        (0..<n).map { i -> Float in
            let x = Double(i)
            let s: Double = scale * sin(0.37 * x + 1.7 * salt)
            return Float(s * cos(0.13 * x + 0.5 * salt))
        }
    }

    /// A tensor of normal draws.
    static func randn(_ shape: [Int], seed: UInt64, std: Float = 1) -> Tensor {
        let t = Tensor(shape: shape)
        SeededRandom(seed: seed).fillGaussian(t, std: std)
        return t
    }

    /// `||a - b|| / max(||a|| + ||b||, 1e-12)`: 0 for equal vectors, about 1 for unrelated ones.
    static func relativeError(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count)
        var d = 0.0, na = 0.0, nb = 0.0
        for i in a.indices {
            d += Double(a[i] - b[i]) * Double(a[i] - b[i])
            na += Double(a[i]) * Double(a[i])
            nb += Double(b[i]) * Double(b[i])
        }
        return d.squareRoot() / max(na.squareRoot() + nb.squareRoot(), 1e-12)
    }

    /// A one-input graph built by `body` from an input of per-sample shape `shape`.
    static func graph(_ shape: TensorShape, _ body: (inout GraphBuilder, Value) throws -> Void) throws -> Graph {
        var b = GraphBuilder(name: "T")
        let x = b.input("x", shape)
        try body(&b, x)
        return b.build()
    }

    /// Result of a finite-difference gradient check.
    struct GradCheck {
        var inputError: Double
        var parameterError: Double
        var checkedInputs: Int
        var checkedParameters: Int
    }

    /// Compares backward's gradients of `L = sum(y * R)` with central differences
    /// (step `h`) at up to `samples` input elements and `samples` parameters.
    static func gradCheck(
        _ graph: Graph, batch: Int, seed: UInt64 = 7, h: Float = 1e-2, samples: Int = 40, batchNormGroups: Int = 1
    ) throws -> GradCheck {
        let net = try Network(graph: graph, scheme: .pytorchDefault, rng: SeededRandom(seed: seed))
        net.setBatchNormGroups(batchNormGroups)
        let x = randn([batch] + graph.inputs[0].outputShape.dims, seed: seed + 1)
        // Settle spectral-norm vectors, then freeze them so that L is a function of W alone.
        _ = net.forward(x)
        net.setSpectralNormIteration(false)
        let y0 = net.forward(x)
        let r = randn(y0.shape, seed: seed + 2)
        func loss() -> Double {
            let y = net.forward(x)
            var s = 0.0
            for i in 0..<y.count { s += Double(y[i]) * Double(r[i]) }
            return s
        }
        net.parameters.zeroGradients()
        _ = net.forward(x)
        let dx = net.backward(r, inputGradient: true, weightGradients: true)!.clone()
        let dp = net.parameters.gradients.clone()

        let rng = SeededRandom(seed: seed + 3)
        func indices(_ n: Int) -> [Int] { n <= samples ? Array(0..<n) : (0..<samples).map { _ in rng.int(below: n) } }
        /// Analytic and numeric derivatives of L wrt the elements `idx` of `t`.
        func compare(_ t: Tensor, _ analytic: Tensor, _ idx: [Int]) -> Double {
            var a: [Float] = [], n: [Float] = []
            for i in idx {
                let old = t[i]
                t[i] = old + h
                let lp = loss()
                t[i] = old - h
                let lm = loss()
                t[i] = old
                a.append(analytic[i])
                n.append(Float((lp - lm) / Double(2 * h)))
            }
            return relativeError(a, n)
        }
        let xi = indices(x.count)
        let inputError = compare(x, dx, xi)
        let p = net.parameters.values
        let pi = indices(p.count)
        let parameterError = p.count == 0 ? 0 : compare(p, dp, pi)
        return GradCheck(inputError: inputError, parameterError: parameterError, checkedInputs: xi.count,
                         checkedParameters: p.count == 0 ? 0 : pi.count)
    }
}
