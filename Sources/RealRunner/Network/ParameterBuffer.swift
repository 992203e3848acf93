/// All parameters of a network in one flat buffer, with their gradients in a second
/// buffer of the same layout and named views into both (llm.c style).
public final class ParameterBuffer {
    /// The parameter values.
    public let values: Tensor
    /// The gradients, accumulated by backward passes.
    public let gradients: Tensor
    /// Where each named tensor lives.
    public let views: [ParameterView]

    /// Allocates a buffer for the given views (laid out consecutively).
    init(views: [ParameterView]) {
        self.views = views
        let total = views.reduce(0) { $0 + $1.count }
        values = Tensor(shape: [total])
        gradients = Tensor(shape: [total])
    }

    /// Number of parameters.
    public var count: Int { values.count }

    /// The view called `name`, if any.
    public func view(named name: String) -> ParameterView? { views.first { $0.name == name } }

    /// Zeroes the gradients.
    public func zeroGradients() { gradients.zero() }
}
