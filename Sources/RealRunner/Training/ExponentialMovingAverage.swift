import CPUExecution
import Workload

/// An exponential moving average of G's parameters, `ema = d * ema + (1 - d) * w`,
/// updated after every G step and used for sampling.
public final class ExponentialMovingAverage {
    /// The averaged parameters (same layout as the network's buffer).
    public let values: Tensor
    public let decay: Float

    /// Starts the average at the current parameters.
    init(_ parameters: ParameterBuffer, decay: Float) {
        values = parameters.values.clone()
        self.decay = decay
    }

    /// Moves the average towards the current parameters.
    func update(_ parameters: ParameterBuffer) {
        let e = values.data, w = parameters.values.data, d = decay
        Parallel.forEach(values.count, costPerItem: ThreadSplit.emaCost) { r in for i in r { e[i] = d * e[i] + (1 - d) * w[i] } }
    }
}
