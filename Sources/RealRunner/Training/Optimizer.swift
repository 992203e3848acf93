/// Updates a network's parameters from its accumulated gradients.
public protocol Optimizer: AnyObject {
    /// Applies one update to `parameters.values` using `parameters.gradients`.
    func step(_ parameters: ParameterBuffer)
}
