/// Stochastic gradient descent with optional momentum, as `torch.optim.SGD`
/// (`buf = momentum * buf + g`, `p -= lr * buf`).
public final class SGD: Optimizer {
    public let learningRate: Float, momentum: Float
    private var buffer: Tensor?

    /// Creates the optimizer.
    public init(learningRate: Float, momentum: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public func step(_ parameters: ParameterBuffer) {
        let n = parameters.count
        let p = parameters.values.data, g = parameters.gradients.data
        let lr = learningRate, mu = momentum
        if momentum == 0 {
            for i in 0..<n { p[i] -= lr * g[i] }
            return
        }
        let first = buffer == nil
        if first { buffer = Tensor(shape: [n]) }
        let b = buffer!.data
        for i in 0..<n {
            b[i] = first ? g[i] : mu * b[i] + g[i]
            p[i] -= lr * b[i]
        }
    }
}
