import CPUExecution
import Workload
import Foundation

/// Adam (Kingma & Ba 2015) exactly as `torch.optim.Adam` without weight decay:
/// `m = b1 m + (1-b1) g`, `v = b2 v + (1-b2) g^2`,
/// `p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)`.
public final class Adam: Optimizer {
    public let learningRate: Float, beta1: Float, beta2: Float, epsilon: Float
    private var m: Tensor?, v: Tensor?
    /// Steps taken so far.
    public private(set) var t = 0

    /// Creates the optimizer (DCGAN uses lr 2e-4, beta1 0.5).
    public init(learningRate: Float = 2e-4, beta1: Float = 0.5, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public func step(_ parameters: ParameterBuffer) {
        let n = parameters.count
        if m == nil { m = Tensor(shape: [n]); v = Tensor(shape: [n]) }
        t += 1
        let mp = m!.data, vp = v!.data
        let p = parameters.values.data, g = parameters.gradients.data
        let b1 = beta1, b2 = beta2, eps = epsilon
        let c1 = 1 - Float(pow(Double(beta1), Double(t)))
        let c2 = (1 - pow(Double(beta2), Double(t))).squareRoot()
        let stepSize = learningRate / c1
        let c2f = Float(c2)
        Parallel.forEach(n, costPerItem: ThreadSplit.adamCost) { r in
            for i in r {
                mp[i] = b1 * mp[i] + (1 - b1) * g[i]
                vp[i] = b2 * vp[i] + (1 - b2) * g[i] * g[i]
                // PyTorch: denom = sqrt(v) / sqrt(1 - b2^t) + eps
                p[i] -= stepSize * mp[i] / (vp[i].squareRoot() / c2f + eps)
            }
        }
    }
}
