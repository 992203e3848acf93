import CPUExecution
import Workload

/// Batch norm in training mode over `(B, C, H, W)` or `(B, C)`.
///
/// With `groups > 1` the batch is split into that many equal, contiguous groups, each
/// normalised with its own statistics: D's batch of real-then-fake samples is then
/// normalised like the two separate D passes of the PyTorch DCGAN example.
public final class BatchNormLayer: Layer {
    public let op: Op
    let channels: Int
    let affine: Bool
    /// Groups of the batch normalised separately.
    var groups = 1
    private var gamma: UnsafeMutablePointer<Float>?, beta: UnsafeMutablePointer<Float>?
    private var dgamma: UnsafeMutablePointer<Float>?, dbeta: UnsafeMutablePointer<Float>?
    private var out = TensorCache(), dx = TensorCache(), mean = TensorCache(), invStd = TensorCache()
    /// The forward's input, which backward reads to recompute the normalised input (the
    /// layer before owns it and leaves it unchanged until its next forward).
    private var input: Tensor?
    private var usedGroups = 1

    /// Creates the layer for a `.batchNorm` op.
    init(op: Op, channels: Int, affine: Bool) {
        self.op = op
        self.channels = channels
        self.affine = affine
    }

    public var parameterShapes: [(name: String, shape: [Int])] {
        affine ? [("weight", [channels]), ("bias", [channels])] : []
    }

    public func bind(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>) {
        guard affine else { return }
        gamma = parameters
        beta = parameters + channels
        dgamma = gradients
        dbeta = gradients + channels
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        // x is (B, C, L) with L = H*W (1 for vectors), in `groups` slices of B/groups samples
        let x = inputs[0]
        input = x
        let y = out.get(x.shape)
        usedGroups = groups > 1 && x.batch % groups == 0 ? groups : 1
        let m = mean.get([usedGroups * channels]), s = invStd.get([usedGroups * channels])
        BatchNormKernel.forward(x: x.data, gamma: gamma, beta: beta, y: y.data, mean: m.data, invStd: s.data,
                                batch: x.batch / usedGroups, channels: channels, spatial: x.sampleCount / channels,
                                groups: usedGroups)
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let g = inputGradients[0] ? dx.get(dy.shape) : nil
        let m = mean.get([usedGroups * channels]), s = invStd.get([usedGroups * channels])
        BatchNormKernel.backward(dy: dy.data, x: input!.data, mean: m.data, invStd: s.data, gamma: gamma,
                                 dgamma: weightGradients ? dgamma : nil, dbeta: weightGradients ? dbeta : nil,
                                 dx: g?.data, batch: dy.batch / usedGroups, channels: channels,
                                 spatial: dy.sampleCount / channels, groups: usedGroups)
        return [g]
    }
}
