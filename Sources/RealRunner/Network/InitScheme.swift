/// How a network's parameters are initialised.
public enum InitScheme: String, Sendable, Codable {
    /// DCGAN (`weights_init` of the PyTorch example): conv/linear weights N(0, 0.02),
    /// batch-norm gains N(1, 0.02), all biases zero.
    case dcgan
    /// PyTorch's defaults: weights and biases U(-1/sqrt(fanIn), 1/sqrt(fanIn))
    /// (`kaiming_uniform_(a=sqrt(5))`), batch-norm gains 1 and biases 0.
    case pytorchDefault

    /// Fills `buffer` according to the scheme, drawing from `rng` in view order.
    func initialize(_ buffer: ParameterBuffer, layers: [Int: any Layer], rng: SeededRandom) {
        for view in buffer.views {
            let p = buffer.values.data + view.offset
            let isBN: Bool
            if case .batchNorm = layers[view.opID]!.op.kind { isBN = true } else { isBN = false }
            let isWeight = view.name.hasSuffix(".weight")
            // fan-in as PyTorch computes it: size(1) * receptive field (for both conv kinds).
            let fanIn = view.shape.count > 1 ? view.shape.dropFirst().reduce(1, *) : 1
            if isBN {
                if !isWeight {
                    p.update(repeating: 0, count: view.count)
                } else if self == .dcgan {
                    for i in 0..<view.count { p[i] = 1 + 0.02 * Float(rng.gaussian()) }
                } else {
                    p.update(repeating: 1, count: view.count)
                }
            } else if self == .dcgan {
                if isWeight {
                    for i in 0..<view.count { p[i] = 0.02 * Float(rng.gaussian()) }
                } else {
                    p.update(repeating: 0, count: view.count)
                }
            } else {
                // A bias uses the fan-in of its layer's weight.
                let w = isWeight ? view : buffer.views.first { $0.opID == view.opID && $0.name.hasSuffix(".weight") }
                let f = w.map { max($0.shape.dropFirst().reduce(1, *), 1) } ?? fanIn
                let bound = 1 / Double(f).squareRoot()
                for i in 0..<view.count { p[i] = Float(rng.uniform(-bound, bound)) }
            }
        }
    }
}
