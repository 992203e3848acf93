import Foundation

/// The adversarial loss on D's logits `(B, 1)`: each function returns the mean loss and
/// writes the gradient wrt the logits (of that mean, times `scale`) into `grad`.
public enum GANLoss: String, Sendable, Codable, CaseIterable {
    /// Non-saturating BCE (Goodfellow et al. 2014): D minimises
    /// `softplus(-D(x)) + softplus(D(G(z)))`, G minimises `softplus(-D(G(z)))`.
    case nonSaturating = "bce"
    /// Hinge loss (Lim & Ye 2017, SNGAN/BigGAN): D minimises
    /// `relu(1 - D(x)) + relu(1 + D(G(z)))`, G minimises `-D(G(z))`.
    case hinge

    /// D's loss on real samples.
    public func discriminatorReal(_ logits: Tensor, grad: Tensor, scale: Float = 1) -> Double {
        apply(logits, grad, scale) { x in
            switch self {
            case .nonSaturating: (Self.softplus(-x), Self.sigmoid(x) - 1)
            case .hinge: x < 1 ? (1 - x, -1) : (0, 0)
            }
        }
    }

    /// D's loss on generated samples.
    public func discriminatorFake(_ logits: Tensor, grad: Tensor, scale: Float = 1) -> Double {
        apply(logits, grad, scale) { x in
            switch self {
            case .nonSaturating: (Self.softplus(x), Self.sigmoid(x))
            case .hinge: x > -1 ? (1 + x, 1) : (0, 0)
            }
        }
    }

    /// G's loss on generated samples.
    public func generator(_ logits: Tensor, grad: Tensor, scale: Float = 1) -> Double {
        apply(logits, grad, scale) { x in
            switch self {
            case .nonSaturating: (Self.softplus(-x), Self.sigmoid(x) - 1)
            case .hinge: (-x, -1)
            }
        }
    }

    /// Mean of `f(x).value` and `grad = scale * f(x).derivative / B`.
    private func apply(_ logits: Tensor, _ grad: Tensor, _ scale: Float, _ f: (Double) -> (Double, Double)) -> Double {
        let n = logits.count
        var total = 0.0
        for i in 0..<n {
            let (v, d) = f(Double(logits[i]))
            total += v
            grad[i] = Float(d) * scale / Float(n)
        }
        return total / Double(n)
    }

    /// `log(1 + e^x)` without overflow.
    static func softplus(_ x: Double) -> Double { x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)) }

    /// `1 / (1 + e^-x)`.
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
