/// A pointwise nonlinearity.
public enum Activation: Hashable, Sendable, Codable, CustomStringConvertible {
    case relu
    /// Leaky ReLU with the given negative slope (0.2 in DCGAN's D and StyleGAN2).
    case leakyReLU(slope: Double)
    case tanh
    case sigmoid

    /// Forward FLOPs per element (a comparison, multiply or add each count one; a
    /// transcendental is counted as the handful of operations libm spends on it).
    public var forwardFLOPsPerElement: Int {
        switch self {
        case .relu: 1
        case .leakyReLU: 2
        case .tanh: 6
        case .sigmoid: 4
        }
    }

    /// Backward FLOPs per element (the local derivative times the incoming gradient).
    public var backwardFLOPsPerElement: Int {
        switch self {
        case .relu: 1
        case .leakyReLU: 2
        case .tanh: 3
        case .sigmoid: 3
        }
    }

    public var description: String {
        switch self {
        case .relu: "relu"
        case .leakyReLU(let s): "lrelu(\(s))"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        }
    }
}
