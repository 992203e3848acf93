import CPUExecution
import Workload

/// Pixel norm `(B, C, ...) -> same`, or global sum pooling `(B, C, H, W) -> (B, C)`.
public final class NormPoolLayer: Layer {
    public let op: Op
    private var out = TensorCache(), dx = TensorCache(), scale = TensorCache()
    private var input: Tensor?

    /// Creates the layer for a `.pixelNorm` or `.globalSumPool` op.
    init(op: Op) { self.op = op }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        let x = inputs[0]
        input = x
        let y = out.get(outputShape(batch: x.batch))
        let c = x.shape[1], l = x.sampleCount / c
        if case .pixelNorm = op.kind {
            NormPoolKernel.pixelNormForward(x: x.data, y: y.data, r: scale.get([x.batch, l]).data,
                                            batch: x.batch, channels: c, spatial: l)
        } else {
            NormPoolKernel.globalSumForward(x: x.data, y: y.data, planes: x.batch * c, spatial: l)
        }
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        guard inputGradients[0], let x = input else { return [nil] }
        let g = dx.get(x.shape)
        let c = x.shape[1], l = x.sampleCount / c
        if case .pixelNorm = op.kind {
            NormPoolKernel.pixelNormBackward(dy: dy.data, x: x.data, r: scale.get([x.batch, l]).data, dx: g.data,
                                             batch: x.batch, channels: c, spatial: l)
        } else {
            NormPoolKernel.globalSumBackward(dy: dy.data, dx: g.data, planes: x.batch * c, spatial: l)
        }
        return [g]
    }
}
