import CPUExecution
import Workload
import Foundation

/// Pointwise nonlinearities; backward reads the saved output `y`.
public enum ActivationKernel {
    /// `y = f(x)` elementwise.
    public static func forward(_ f: Activation, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEach(count, costPerItem: ThreadSplit.activationForwardCost) { r in
            switch f {
            case .relu: for i in r { y[i] = max(x[i], 0) }
            case .leakyReLU(let s) where (0...1).contains(s):
                // max(x, s x) for 0 <= s <= 1: a multiply and a max per element, which
                // vectorize (the select ran at 13-15 GB/s, ReLU's max at 20-25 GB/s).
                let slope = Float(s)
                for i in r { y[i] = max(x[i], slope * x[i]) }
            case .leakyReLU(let s):
                let slope = Float(s)
                for i in r {
                    let v = x[i]
                    y[i] = v > 0 ? v : slope * v
                }
            case .tanh: for i in r { y[i] = Foundation.tanh(x[i]) }
            case .sigmoid: for i in r { y[i] = 1 / (1 + Foundation.exp(-x[i])) }
            }
        }
    }

    /// `dx = f'(x) * dy`, written through the output `y` (all four are monotone, so the
    /// sign of `y` is the sign of `x` where it matters).
    public static func backward(_ f: Activation, y: UnsafePointer<Float>, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEach(count, costPerItem: ThreadSplit.activationBackwardCost) { r in
            switch f {
            // Both loads are unconditional, so the selects vectorize instead of branching on
            // the sign (a branch per element ran at 2-5 GB/s, the forward at ~50 GB/s).
            case .relu:
                for i in r {
                    let d = dy[i]
                    dx[i] = y[i] > 0 ? d : 0
                }
            case .leakyReLU(let s):
                let slope = Float(s)
                for i in r {
                    let d = dy[i]
                    dx[i] = y[i] > 0 ? d : slope * d
                }
            case .tanh: for i in r { dx[i] = dy[i] * (1 - y[i] * y[i]) }
            case .sigmoid: for i in r { dx[i] = dy[i] * y[i] * (1 - y[i]) }
            }
        }
    }

    /// The scalar definition, for tests.
    public static func naive(_ f: Activation, _ x: Double) -> Double {
        switch f {
        case .relu: max(x, 0)
        case .leakyReLU(let s): x > 0 ? x : s * x
        case .tanh: Foundation.tanh(x)
        case .sigmoid: 1 / (1 + Foundation.exp(-x))
        }
    }
}
