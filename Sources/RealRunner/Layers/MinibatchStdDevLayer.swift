import CPUExecution
import Workload

/// Minibatch standard deviation: `(N, C, H, W) -> (N, C+F, H, W)`.
public final class MinibatchStdDevLayer: Layer {
    public let op: Op
    let groupSize: Int, statChannels: Int
    private var out = TensorCache(), dx = TensorCache(), sd = TensorCache()
    private var input: Tensor?

    /// Creates the layer for a `.minibatchStdDev` op.
    init(op: Op, groupSize: Int, statChannels: Int) {
        self.op = op
        self.groupSize = groupSize
        self.statChannels = statChannels
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        let x = inputs[0]
        input = x
        let y = out.get(outputShape(batch: x.batch))
        let c = x.shape[1], l = x.sampleCount / c
        let groups = x.batch / min(groupSize, x.batch)
        MinibatchStdDevKernel.forward(x: x.data, y: y.data, sd: sd.get([groups * c * l]).data, batch: x.batch,
                                      channels: c, spatial: l, groupSize: groupSize, statChannels: statChannels)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        guard inputGradients[0], let x = input else { return [nil] }
        let g = dx.get(x.shape)
        let c = x.shape[1], l = x.sampleCount / c
        let groups = x.batch / min(groupSize, x.batch)
        MinibatchStdDevKernel.backward(dy: dy.data, x: x.data, sd: sd.get([groups * c * l]).data, dx: g.data,
                                       batch: x.batch, channels: c, spatial: l, groupSize: groupSize,
                                       statChannels: statChannels)
        return [g]
    }
}
