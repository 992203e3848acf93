import CPUExecution
import Workload

/// Data-movement ops without arithmetic: reshape, concat (along the first per-sample
/// dimension) and slice (of a feature vector).
public final class ShapeLayer: Layer {
    public let op: Op
    private var out = TensorCache()
    private var grads: [TensorCache] = []
    private var inputShapes: [[Int]] = []

    /// Creates the layer for a `.reshape`, `.concat` or `.slice` op.
    init(op: Op) {
        self.op = op
        grads = Array(repeating: TensorCache(), count: op.inputs.count)
    }

    public func forward(_ inputs: [Tensor]) -> Tensor {
        inputShapes = inputs.map(\.shape)
        let batch = inputs[0].batch
        let y = out.get(outputShape(batch: batch))
        switch op.kind {
        case .slice(let start, let count):
            // x is (B, F), y is (B, count)
            let x = inputs[0], f = x.sampleCount
            for b in 0..<batch { (y.data + b * count).update(from: x.data + b * f + start, count: count) }
        default:
            // reshape, concat: each sample of y is the inputs' samples laid end to end.
            var offset = 0
            let n = y.sampleCount
            for x in inputs {
                let m = x.sampleCount
                for b in 0..<batch { (y.data + b * n + offset).update(from: x.data + b * m, count: m) }
                offset += m
            }
        }
        return y
    }

    public func backward(_ dy: Tensor, inputGradients: [Bool], weightGradients: Bool) -> [Tensor?] {
        let batch = dy.batch, n = dy.sampleCount
        var result: [Tensor?] = []
        var offset = 0
        for (i, shape) in inputShapes.enumerated() {
            let m = shape.dropFirst().reduce(1, *)
            defer { offset += m }
            guard inputGradients[i] else { result.append(nil); continue }
            let g = grads[i].get(shape)
            if case .slice(let start, let count) = op.kind {
                g.zero()
                for b in 0..<batch { (g.data + b * m + start).update(from: dy.data + b * count, count: count) }
            } else {
                for b in 0..<batch { (g.data + b * m).update(from: dy.data + b * n + offset, count: m) }
            }
            result.append(g)
        }
        return result
    }
}
